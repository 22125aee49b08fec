using System.Collections.Generic;
using EopTools.Ranges;

namespace EopTools.Diff
{
    /// <summary>
    /// The edit that turns an allow-list holding the reference's entries into one that allows exactly the difference's
    /// addresses, in the fewest whole prefixes: Close the reference entries that hold an address no longer EOP, Open the
    /// difference entries that hold an address gained or one that closing took away. Each side is its entries merged,
    /// never a fragment of one; an opened prefix may overlap an entry kept, which is harmless in an allow-list.
    /// </summary>
    internal sealed class RuleEdit
    {
        public RuleEdit(IReadOnlyCollection<IpPrefix> reference, IReadOnlyCollection<IpPrefix> difference)
        {
            AddressSpace older = AddressSpace.FromPrefixes(reference), newer = AddressSpace.FromPrefixes(difference);
            AddressSpace lost = older.Subtract(newer);
            List<IpPrefix> close = Touching(reference, lost);
            AddressSpace closed = AddressSpace.FromPrefixes(close);
            AddressSpace reopen = newer.Subtract(older).Union(closed.Subtract(closed.Subtract(newer)));
            Close = AddressSpace.Aggregate(close);
            Open = AddressSpace.Aggregate(Touching(difference, reopen));
        }

        public List<IpPrefix> Open { get; }

        public List<IpPrefix> Close { get; }

        private static List<IpPrefix> Touching(IEnumerable<IpPrefix> entries, AddressSpace space)
        {
            var touching = new List<IpPrefix>();
            foreach (IpPrefix entry in entries)
            {
                if (!space.Within(entry.Interval).IsEmpty) touching.Add(entry);
            }
            return touching;
        }
    }
}
