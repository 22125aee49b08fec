using System;
using System.Globalization;
using System.Net;
using EopTools.Index;
using EopTools.Logs;
using EopTools.Ranges;

namespace EopTools
{
    /// <summary>
    /// One distinct address in the logs (or one distinct value of the address field that is not an address): how many
    /// lines and sessions, when first and last seen, the host names it announced, and the files.
    /// </summary>
    public sealed class EopLogSummary
    {
        private readonly EopAnswer _answer;

        internal EopLogSummary(string remote, IPAddress? ipAddress, AddressTally tally, EopList<string> paths, EopList<string>? computerNames = null)
        {
            ComputerName = computerNames ?? EopList<string>.Empty;
            Remote = remote;
            IPAddress = ipAddress;
            _answer = tally.Answer;
            Lines = tally.Lines;
            Sessions = tally.Sessions;
            FirstSeen = tally.FirstSeen;
            LastSeen = tally.LastSeen;
            HostNames = EopList<string>.Of(tally.HostNames?.ToArray());
            Path = paths;
        }

        /// <summary>
        /// The remote end's address as text (canonical: the client of a receive log, IIS or a trace, the server of a send
        /// log), or the value as written when it is not an address. Not "Address": an array of these would answer
        /// $list.Address with the array's own Address method.
        /// </summary>
        public string Remote { get; }

        /// <summary>The address; null for a value that is not an address.</summary>
        public IPAddress? IPAddress { get; }

        public bool IsAddress => IPAddress != null;

        public bool IsEop => _answer.Range != null;

        /// <summary>The most specific matching range, or null.</summary>
        public EopIpRange? Range => _answer.Range;

        /// <summary>The regional tables that contain the address; empty when none.</summary>
        public EopList<EopRegion> Region => _answer.Regions;

        /// <summary>
        /// For an address the session's ranges do not hold: the range that held it in older data the module keeps (the
        /// cache's previous data, then the embedded 2018 page); null when none did, and for a value that is not an address.
        /// </summary>
        public EopFormerRange? FormerRange =>
            IPAddress == null ? null : _answer.Former?.Find(IpAddressValue.FromIPAddress(IPAddress));

        /// <summary>The lines it was read from.</summary>
        public long Lines { get; }

        /// <summary>The protocol-log sessions it opened ('+' connect events); 0 for other logs.</summary>
        public long Sessions { get; }

        public DateTime? FirstSeen { get; }

        public DateTime? LastSeen { get; }

        /// <summary>The names it announced: EHLO or HELO in a protocol log, client-hostname in a tracking log.</summary>
        public EopList<string> HostNames { get; }

        /// <summary>The files it was seen in, in the order they were read.</summary>
        public EopList<string> Path { get; }

        /// <summary>
        /// Merge-EopLogSummary: the computers whose files it was seen in (PSComputerName of the rows merged, as remoting
        /// and Receive-Job add it), in the order of <see cref="Path"/>; empty for a summary read here.
        /// </summary>
        public EopList<string> ComputerName { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: {1} lines, {2}",
            Remote, Lines, !IsAddress ? "not an address" : IsEop ? "EOP (" + Range!.Prefix + ")" : "not EOP" + EopFormerRange.AfterNotEop(FormerRange));
    }
}
