namespace EopTools
{
    /// <summary>How an allow-list entry stands against the EOP ranges, or an EOP range the list does not cover.</summary>
    public enum EopAllowListStatus
    {
        /// <summary>Every address of the entry is current EOP space.</summary>
        Covered,

        /// <summary>Part of the entry is current EOP space and part is not (EopAddresses and OtherAddresses say which).</summary>
        Partial,

        /// <summary>No current EOP address, but addresses EOP used before: removed when it holds nothing else.</summary>
        Stale,

        /// <summary>Never EOP (the admin's own senders, for example): left alone.</summary>
        Foreign,

        /// <summary>Every address of a family (Any, *, 0.0.0.0/0, 0.0.0.0-255.255.255.255, ::/0, ...): the list restricts nothing.</summary>
        Unrestricted,

        /// <summary>A firewall keyword whose addresses depend on the machine (LocalSubnet, DNS, ...): not compared.</summary>
        NotComparable,

        /// <summary>Current EOP space that no entry covers: AddressesToAdd is exactly what to add.</summary>
        Missing,
    }
}
