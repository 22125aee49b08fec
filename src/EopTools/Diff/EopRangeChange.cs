using System.Collections.Generic;

namespace EopTools
{
    /// <summary>
    /// One change between two versions of the ranges, in one regional table: the prefixes on either side and the exact
    /// addresses it opens and closes, as minimal CIDR lists.
    /// </summary>
    public sealed class EopRangeChange
    {
        internal EopRangeChange(
            EopRangeChangeKind change,
            EopRegion region,
            IPAddressFamily? addressFamily,
            string? referencePrefix,
            string? differencePrefix,
            IList<string>? addressesAdded,
            IList<string>? addressesRemoved,
            EopDataSet referenceDataSet,
            EopDataSet differenceDataSet)
        {
            Change = change;
            Region = region;
            AddressFamily = addressFamily;
            ReferencePrefix = referencePrefix;
            DifferencePrefix = differencePrefix;
            AddressesAdded = EopList<string>.Of(addressesAdded);
            AddressesRemoved = EopList<string>.Of(addressesRemoved);
            ReferenceDataSet = referenceDataSet;
            DifferenceDataSet = differenceDataSet;
        }

        public EopRangeChangeKind Change { get; }

        /// <summary>The table the change is in.</summary>
        public EopRegion Region { get; }

        /// <summary>The family of the prefixes; null for a whole table (TableAdded, TableRemoved), which holds both.</summary>
        public IPAddressFamily? AddressFamily { get; }

        /// <summary>The reference's prefix (canonical CIDR); null for Added and for table changes.</summary>
        public string? ReferencePrefix { get; }

        /// <summary>The difference's prefix (canonical CIDR); null for Removed and for table changes.</summary>
        public string? DifferencePrefix { get; }

        /// <summary>
        /// Addresses that enter EOP (the difference has them in some table, the reference in none), as the fewest CIDR
        /// prefixes in address order. Over all changes of a comparison each such address is listed exactly once, on the
        /// first table that gains it; an address that only moves between tables is listed nowhere.
        /// </summary>
        public EopList<string> AddressesAdded { get; }

        /// <summary>
        /// Addresses that leave EOP (the reference has them in some table, the difference in none), listed as
        /// <see cref="AddressesAdded"/>: once overall, so a table removed while its addresses stay in another lists none.
        /// </summary>
        public EopList<string> AddressesRemoved { get; }

        /// <summary>The older version: name, version or date, source.</summary>
        public EopDataSet ReferenceDataSet { get; }

        /// <summary>The newer version: name, version or date, source.</summary>
        public EopDataSet DifferenceDataSet { get; }

        public override string ToString()
        {
            switch (Change)
            {
                case EopRangeChangeKind.Added:
                    return "Added " + DifferencePrefix + " (" + Region + ")";
                case EopRangeChangeKind.Removed:
                    return "Removed " + ReferencePrefix + " (" + Region + ")";
                case EopRangeChangeKind.Unchanged:
                    return "Unchanged " + ReferencePrefix + " (" + Region + ")";
                case EopRangeChangeKind.TableAdded:
                    return "Added the " + Region + " table";
                case EopRangeChangeKind.TableRemoved:
                    return "Removed the " + Region + " table";
                default:
                    return Change + " " + ReferencePrefix + " to " + DifferencePrefix + " (" + Region + ")";
            }
        }
    }
}
