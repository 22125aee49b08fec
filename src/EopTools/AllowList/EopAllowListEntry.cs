using System.Collections.Generic;
using System.Net;

namespace EopTools
{
    /// <summary>
    /// One allow-list entry compared with the EOP ranges, or one EOP range the list does not fully cover (Missing), with
    /// the edit that makes the list exactly right: AddressesToRemove and AddressesToAdd as minimal CIDR lists.
    /// </summary>
    public sealed class EopAllowListEntry
    {
        internal EopAllowListEntry(
            string? entry,
            EopAllowListStatus status,
            IPAddressFamily? addressFamily,
            IPAddress? firstAddress,
            IPAddress? lastAddress,
            IList<EopIpRange>? ranges,
            IList<string>? eopAddresses,
            IList<string>? otherAddresses,
            IList<string>? addressesToAdd,
            IList<string>? addressesToRemove,
            EopDataSet dataSet)
        {
            Entry = entry;
            Status = status;
            AddressFamily = addressFamily;
            FirstAddress = firstAddress;
            LastAddress = lastAddress;
            Ranges = EopList<EopIpRange>.Of(ranges);
            EopAddresses = EopList<string>.Of(eopAddresses);
            OtherAddresses = EopList<string>.Of(otherAddresses);
            AddressesToAdd = EopList<string>.Of(addressesToAdd);
            AddressesToRemove = EopList<string>.Of(addressesToRemove);
            DataSet = dataSet;
        }

        /// <summary>The entry exactly as the list holds it; empty for a Missing row, which has no entry.</summary>
        public string? Entry { get; }

        public EopAllowListStatus Status { get; }

        /// <summary>The entry's family; empty for a keyword and for Any, which stands for both.</summary>
        public IPAddressFamily? AddressFamily { get; }

        /// <summary>The entry's first address (for a Missing row, the EOP range's).</summary>
        public IPAddress? FirstAddress { get; }

        /// <summary>The entry's last address (for a Missing row, the EOP range's).</summary>
        public IPAddress? LastAddress { get; }

        /// <summary>The current EOP ranges the entry overlaps (for a Missing row, the range it is about).</summary>
        public EopList<EopIpRange> Ranges { get; }

        /// <summary>The entry's addresses that are current EOP space, as the fewest CIDR prefixes.</summary>
        public EopList<string> EopAddresses { get; }

        /// <summary>The entry's addresses that are not current EOP space, as the fewest CIDR prefixes.</summary>
        public EopList<string> OtherAddresses { get; }

        /// <summary>
        /// What to add, as whole current EOP ranges: for a Missing row the range that the kept entries do not hold whole;
        /// for an entry that is removed, the ranges it overlapped that the kept entries do not hold whole.
        /// </summary>
        public EopList<string> AddressesToAdd { get; }

        /// <summary>
        /// What to remove: for an entry made wholly of EOP space that holds retired EOP addresses, the entry's own
        /// addresses. Never for an entry with addresses that never were EOP, nor for an Unrestricted one.
        /// </summary>
        public EopList<string> AddressesToRemove { get; }

        /// <summary>The EOP ranges the list was compared with.</summary>
        public EopDataSet DataSet { get; }

        public override string ToString() =>
            Status + " " + (Entry ?? string.Join(" ", AddressesToAdd));
    }
}
