using System;
using System.Collections.Generic;
using EopTools.Ranges;

namespace EopTools.Logs
{
    /// <summary>One -Summary row as read back from any run (live, or deserialized after remoting, a job or Import-Clixml).</summary>
    internal sealed class LogSummaryRow
    {
        /// <param name="address">The address; null for a value that is not an address (<paramref name="remote"/> as written).</param>
        /// <param name="computer">The computer whose files it read (PSComputerName); "" for this one.</param>
        public LogSummaryRow(string remote, IpAddressValue? address, long lines, long sessions, DateTime? firstSeen, DateTime? lastSeen,
            IReadOnlyList<string> hostNames, IReadOnlyList<string> paths, string computer)
        {
            Remote = remote;
            Address = address;
            Lines = lines;
            Sessions = sessions;
            FirstSeen = firstSeen;
            LastSeen = lastSeen;
            HostNames = hostNames;
            Paths = paths;
            Computer = computer;
        }

        public string Remote { get; }

        public IpAddressValue? Address { get; }

        public long Lines { get; }

        public long Sessions { get; }

        public DateTime? FirstSeen { get; }

        public DateTime? LastSeen { get; }

        public IReadOnlyList<string> HostNames { get; }

        public IReadOnlyList<string> Paths { get; }

        public string Computer { get; }
    }
}
