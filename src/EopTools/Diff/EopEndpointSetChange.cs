using System.Collections.Generic;
using System.Globalization;

namespace EopTools
{
    /// <summary>
    /// One endpoint set that was added, removed or changed between two versions of the web service's answer: what
    /// changed in it, the addresses (as minimal CIDR lists, in address space) and URLs it gained and lost, and both
    /// versions of the set.
    /// </summary>
    public sealed class EopEndpointSetChange
    {
        internal EopEndpointSetChange(EopEndpointSetChangeKind change, EopEndpointSet? referenceSet, EopEndpointSet? differenceSet, IList<string> properties,
            IList<string> addressesAdded, IList<string> addressesRemoved, IList<string> urlsAdded, IList<string> urlsRemoved,
            EopDataSet referenceDataSet, EopDataSet differenceDataSet)
        {
            Change = change;
            ReferenceSet = referenceSet;
            DifferenceSet = differenceSet;
            Properties = EopList<string>.Of(properties);
            AddressesAdded = EopList<string>.Of(addressesAdded);
            AddressesRemoved = EopList<string>.Of(addressesRemoved);
            UrlsAdded = EopList<string>.Of(urlsAdded);
            UrlsRemoved = EopList<string>.Of(urlsRemoved);
            ReferenceDataSet = referenceDataSet;
            DifferenceDataSet = differenceDataSet;
        }

        public EopEndpointSetChangeKind Change { get; }

        public int Id => (DifferenceSet ?? ReferenceSet)!.Id;

        public string ServiceArea => (DifferenceSet ?? ReferenceSet)!.ServiceArea;

        /// <summary>The newer version's category, or the older's for a removed set.</summary>
        public string? Category => (DifferenceSet ?? ReferenceSet)!.Category;

        /// <summary>What changed in a set both versions have: Ips, Urls, TcpPorts, UdpPorts, Category, Required, ExpressRoute.</summary>
        public EopList<string> Properties { get; }

        /// <summary>The addresses the set gained, as the fewest CIDR prefixes in address order.</summary>
        public EopList<string> AddressesAdded { get; }

        /// <summary>The addresses the set lost, as the fewest CIDR prefixes in address order.</summary>
        public EopList<string> AddressesRemoved { get; }

        /// <summary>The URLs the set gained, as published.</summary>
        public EopList<string> UrlsAdded { get; }

        /// <summary>The URLs the set lost, as published.</summary>
        public EopList<string> UrlsRemoved { get; }

        /// <summary>The set in the older version; null for an added set.</summary>
        public EopEndpointSet? ReferenceSet { get; }

        /// <summary>The set in the newer version; null for a removed set.</summary>
        public EopEndpointSet? DifferenceSet { get; }

        public EopDataSet ReferenceDataSet { get; }

        public EopDataSet DifferenceDataSet { get; }

        public override string ToString()
        {
            string set = "set " + Id.ToString(CultureInfo.InvariantCulture) + " (" + ServiceArea + ")";
            return Change == EopEndpointSetChangeKind.Changed ? "Changed " + set + ": " + Properties : Change + " " + set;
        }
    }
}
