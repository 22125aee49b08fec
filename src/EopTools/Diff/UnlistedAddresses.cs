using EopTools.Ranges;

namespace EopTools.Diff
{
    /// <summary>
    /// The addresses a comparison still has to list: at first the whole gain (the difference's space, all compared
    /// tables together, minus the reference's) and the whole loss. Each table's changes take theirs in table order, so
    /// an address is listed once over all tables, and one that only moved between tables is never listed.
    /// </summary>
    internal sealed class UnlistedAddresses
    {
        private AddressSpace _added;
        private AddressSpace _removed;

        public UnlistedAddresses(AddressSpace reference, AddressSpace difference)
        {
            _added = difference.Subtract(reference);
            _removed = reference.Subtract(difference);
        }

        /// <summary>The gained addresses within <paramref name="space"/> that no earlier change listed; from now on they are listed.</summary>
        public AddressSpace TakeAdded(AddressSpace space) => Take(ref _added, space);

        /// <summary>The lost addresses within <paramref name="space"/> that no earlier change listed; from now on they are listed.</summary>
        public AddressSpace TakeRemoved(AddressSpace space) => Take(ref _removed, space);

        private static AddressSpace Take(ref AddressSpace unlisted, AddressSpace space)
        {
            AddressSpace rest = unlisted.Subtract(space);
            AddressSpace taken = unlisted.Subtract(rest);
            unlisted = rest;
            return taken;
        }
    }
}
