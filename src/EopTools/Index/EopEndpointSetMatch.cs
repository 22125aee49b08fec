using System.Globalization;

namespace EopTools
{
    /// <summary>A Microsoft 365 endpoint set that contains a tested address, and the set's prefix that contains it.</summary>
    public sealed class EopEndpointSetMatch
    {
        internal EopEndpointSetMatch(EopEndpointSet endpointSet, EopIpRange range)
        {
            EndpointSet = endpointSet;
            Range = range;
        }

        /// <summary>The whole set: its URLs, all its IPs, its parsed ports.</summary>
        public EopEndpointSet EndpointSet { get; }

        /// <summary>The set's most specific prefix that contains the address.</summary>
        public EopIpRange Range { get; }

        public string Prefix => Range.Prefix;

        public int Id => EndpointSet.Id;

        public string ServiceArea => EndpointSet.ServiceArea;

        public string? ServiceAreaDisplayName => EndpointSet.ServiceAreaDisplayName;

        public string? Category => EndpointSet.Category;

        public bool? Required => EndpointSet.Required;

        public bool? ExpressRoute => EndpointSet.ExpressRoute;

        public string? TcpPorts => EndpointSet.TcpPorts;

        public string? UdpPorts => EndpointSet.UdpPorts;

        public string? Notes => EndpointSet.Notes;

        public override string ToString() =>
            Id.ToString(CultureInfo.InvariantCulture) + " " + ServiceArea + " " + (Category ?? "(no category)") + " " + Prefix;
    }
}
