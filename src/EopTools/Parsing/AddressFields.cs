using System.Collections.ObjectModel;

namespace EopTools
{
    /// <summary>
    /// The property and column names that hold the address of the connecting host in the records admins test (message
    /// traces, message tracking logs, protocol logs, IIS logs), in the order they are read: the first one that holds a
    /// value wins. docs/record-sources.md says where each name comes from.
    /// </summary>
    public static class AddressFields
    {
        // Declared before KnownNames, which wraps it: static fields are initialized in the order they are written.
        /// <summary>The array behind <see cref="KnownNames"/>, for the per-record loop to index without an enumerator. Never written.</summary>
        internal static readonly string[] InOrder =
        {
            "OriginalClientIp", "original_client_ip", "original-client-ip",
            "ClientIp", "client_ip", "client-ip",
            "FromIP",
            "SenderIP",
            "c-ip",
            "remote-endpoint",
            "CIP",
            "IP",
            "IPAddress",
        };

        /// <summary>
        /// The original sender first: on a mailbox server's tracking log ClientIp is often the front-end transport
        /// server, while OriginalClientIp keeps the internet host. Match them without regard to case (ordinal), as
        /// PowerShell matches property names; a header may spell them either way.
        /// </summary>
        public static ReadOnlyCollection<string> KnownNames { get; } = new ReadOnlyCollection<string>(InOrder);
    }
}
