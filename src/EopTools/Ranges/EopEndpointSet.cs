using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EopTools
{
    /// <summary>
    /// One endpoint set of the Microsoft 365 web service's /endpoints answer: its service area, category, flags, ports,
    /// URLs and IPs as published. Its IPs are EopIpRange objects, so they bind wherever Get-EopIpRange's output does.
    /// </summary>
    public sealed class EopEndpointSet
    {
        internal EopEndpointSet(int id, string serviceArea, string? serviceAreaDisplayName, string? category, bool? required, bool? expressRoute,
            string? tcpPorts, IList<EopPortRange> tcpPortRanges, string? udpPorts, IList<EopPortRange> udpPortRanges,
            IList<string> urls, string? notes, int line)
        {
            Id = id;
            ServiceArea = serviceArea;
            ServiceAreaDisplayName = serviceAreaDisplayName;
            Category = category;
            Required = required;
            ExpressRoute = expressRoute;
            TcpPorts = tcpPorts;
            TcpPortRanges = EopList<EopPortRange>.Of(tcpPortRanges);
            UdpPorts = udpPorts;
            UdpPortRanges = EopList<EopPortRange>.Of(udpPortRanges);
            Urls = EopList<string>.Of(urls);
            Notes = notes;
            Line = line;
            Ips = EopList<EopIpRange>.Empty;
        }

        /// <summary>The set's id; immutable within an instance (10 is worldwide SMTP, 6 US Government, 2 China).</summary>
        public int Id { get; }

        /// <summary>Common, Exchange, SharePoint or Skype (and MEM when asked for).</summary>
        public string ServiceArea { get; }

        /// <summary>The service area as the web service names it, e.g. "Exchange Online"; null when the answer omits it.</summary>
        public string? ServiceAreaDisplayName { get; }

        /// <summary>Optimize, Allow or Default.</summary>
        public string? Category { get; }

        public bool? Required { get; }

        public bool? ExpressRoute { get; }

        /// <summary>The TCP ports as the service writes them, e.g. "25" or "143, 587, 993, 995"; null when it lists none.</summary>
        public string? TcpPorts { get; }

        /// <summary>The TCP ports parsed, in the order written.</summary>
        public EopList<EopPortRange> TcpPortRanges { get; }

        /// <summary>The UDP ports as the service writes them; null when it lists none.</summary>
        public string? UdpPorts { get; }

        /// <summary>The UDP ports parsed, in the order written.</summary>
        public EopList<EopPortRange> UdpPortRanges { get; }

        /// <summary>Both port lists in one short text, as the default view shows them: "TCP 80,443 UDP 443"; empty when none.</summary>
        public string Ports
        {
            get
            {
                string tcp = TcpPortRanges.Count == 0 ? "" : "TCP " + string.Join(",", TcpPortRanges);
                string udp = UdpPortRanges.Count == 0 ? "" : "UDP " + string.Join(",", UdpPortRanges);
                return tcp.Length > 0 && udp.Length > 0 ? tcp + " " + udp : tcp + udp;
            }
        }

        /// <summary>The URLs as published, wildcards kept (*.mail.protection.outlook.com).</summary>
        public EopList<string> Urls { get; }

        /// <summary>The set's IP prefixes, IPv4 then IPv6, each in the order published; empty for a set of URLs only.</summary>
        public EopList<EopIpRange> Ips { get; private set; }

        /// <summary>Why the set is optional, or other remarks; null when the answer has none.</summary>
        public string? Notes { get; }

        /// <summary>The answer the set was read from: its version, instance and source.</summary>
        public EopDataSet? DataSet { get; private set; }

        /// <summary>The line of the answer the set starts on.</summary>
        internal int Line { get; }

        /// <summary>Optimize 0, Allow 1, Default 2, anything else after them: the order the web service ranks categories in.</summary>
        internal int CategoryRank => CategoryRankOf(Category);

        internal static int CategoryRankOf(string? category) =>
            string.Equals(category, "Optimize", StringComparison.OrdinalIgnoreCase) ? 0
            : string.Equals(category, "Allow", StringComparison.OrdinalIgnoreCase) ? 1
            : string.Equals(category, "Default", StringComparison.OrdinalIgnoreCase) ? 2
            : 3;

        /// <summary>Whether the set lists this port, over TCP or UDP.</summary>
        public bool HasPort(int port) => HasPort(TcpPortRanges, port) || HasPort(UdpPortRanges, port);

        /// <summary>Gives the set its IPs once the answer's data set is known (the ranges name both the set and the data set).</summary>
        internal void Attach(EopDataSet dataSet, IReadOnlyList<Ranges.IpPrefix> prefixes)
        {
            var ranges = new List<EopIpRange>(prefixes.Count);
            for (int family = (int)IPAddressFamily.IPv4; family <= (int)IPAddressFamily.IPv6; family++)
            {
                foreach (Ranges.IpPrefix prefix in prefixes)
                {
                    if ((int)prefix.Family == family) ranges.Add(new EopIpRange(prefix, EopRegion.Global, dataSet, this));
                }
            }
            Ips = EopList<EopIpRange>.Of(ranges);
            DataSet = dataSet;
        }

        /// <summary>A copy holding only the IPs of these families, for a listing narrowed to them.</summary>
        internal EopEndpointSet WithFamilies(ICollection<IPAddressFamily> families)
        {
            var copy = (EopEndpointSet)MemberwiseClone();
            var kept = new List<EopIpRange>();
            foreach (EopIpRange range in Ips)
            {
                if (families.Contains(range.AddressFamily)) kept.Add(range);
            }
            copy.Ips = EopList<EopIpRange>.Of(kept);
            return copy;
        }

        private static bool HasPort(IEnumerable<EopPortRange> ranges, int port)
        {
            foreach (EopPortRange range in ranges)
            {
                if (range.Contains(port)) return true;
            }
            return false;
        }

        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(Id.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(ServiceArea);
            if (TcpPorts != null) text.Append(", TCP ").Append(TcpPorts);
            if (UdpPorts != null) text.Append(", UDP ").Append(UdpPorts);
            if (Category != null) text.Append(", ").Append(Category);
            if (Required == true) text.Append(", required");
            if (ExpressRoute == true) text.Append(", ExpressRoute");
            return text.Append(')').ToString();
        }
    }
}
