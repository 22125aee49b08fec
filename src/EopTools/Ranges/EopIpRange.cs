using System.Net;
using System.Numerics;
using EopTools.Ranges;

namespace EopTools
{
    /// <summary>One published EOP prefix. Its text is the CIDR, so it binds to any [string[]] address parameter.</summary>
    public sealed class EopIpRange
    {
        internal EopIpRange(IpPrefix prefix, EopRegion region, EopDataSet dataSet, EopEndpointSet? endpointSet = null)
        {
            EndpointSet = endpointSet;
            Value = prefix;
            Prefix = prefix.ToString();
            Region = region;
            DataSet = dataSet;
            FirstAddress = new IpAddressValue(prefix.Family, prefix.First).ToIPAddress();
            LastAddress = new IpAddressValue(prefix.Family, prefix.Last).ToIPAddress();
        }

        /// <summary>The canonical CIDR text: dotted decimal, or compressed lower-case IPv6.</summary>
        public string Prefix { get; }

        public IPAddressFamily AddressFamily => Value.Family;

        public int PrefixLength => Value.Length;

        public IPAddress FirstAddress { get; }

        public IPAddress LastAddress { get; }

        public BigInteger AddressCount => Value.AddressCount;

        /// <summary>The table the prefix was published in.</summary>
        public EopRegion Region { get; }

        public EopDataSet DataSet { get; }

        /// <summary>The web service's endpoint set this range was published in; null for the docs page and plain lists.</summary>
        public EopEndpointSet? EndpointSet { get; }

        internal IpPrefix Value { get; }

        /// <summary>A new IPNetwork2 for this prefix, for its subnetting and set operations (e.g. .Subnet(24)).</summary>
        /// <remarks>A new instance each call: IPNetwork2 is mutable, and the range must not change under its users.</remarks>
        public IPNetwork2 ToIPNetwork() => new IPNetwork2(FirstAddress, (byte)PrefixLength);

        public override string ToString() => Prefix;
    }
}
