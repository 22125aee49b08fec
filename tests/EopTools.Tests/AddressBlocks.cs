using System.Collections.Generic;
using System.Linq;
using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>
    /// A 64-address block of each family, both at the bottom of the address space or both at its very top: the whole
    /// world of a property test, small enough that every set is a bit array and every expected answer is worked out
    /// address by address. Address i of the IPv4 block is index i, of the IPv6 block index 64 + i.
    /// </summary>
    internal sealed class AddressBlocks
    {
        public const int Block = 64;
        public const int BlockBits = 6;
        public static readonly IPAddressFamily[] Families = { IPAddressFamily.IPv4, IPAddressFamily.IPv6 };

        private readonly IpNumber[] _bases;

        public AddressBlocks(bool top)
        {
            _bases = top
                ? new[] { new IpNumber(0, 0xFFFFFFFFUL - (Block - 1)), new IpNumber(ulong.MaxValue, ulong.MaxValue - (Block - 1)) }
                : new[] { IpNumber.Zero, IpNumber.Zero };
        }

        public int Size => Block * Families.Length;

        public IpNumber Number(IPAddressFamily family, int offset) => _bases[(int)family].Or(new IpNumber(0, (ulong)offset));

        public string Text(IPAddressFamily family, int offset) => new IpAddressValue(family, Number(family, offset)).ToString();

        /// <summary>The prefix of 2^<paramref name="hostBits"/> addresses from <paramref name="offset"/> of the family's block.</summary>
        public IpPrefix Prefix(IPAddressFamily family, int offset, int hostBits) =>
            new IpPrefix(family, Number(family, offset), IpAddressValue.BitWidth(family) - hostBits);

        public bool Holds(IpPrefix prefix, int address)
        {
            IPAddressFamily family = Families[address / Block];
            return prefix.Contains(new IpAddressValue(family, Number(family, address % Block)));
        }

        /// <summary>The set of the intervals' addresses; of an interval wider than the block (an Any) only the block's part counts.</summary>
        public bool[] Space(IEnumerable<AddressInterval> intervals)
        {
            var set = new bool[Size];
            foreach (AddressInterval interval in intervals)
            {
                IpNumber start = Number(interval.Family, 0), end = Number(interval.Family, Block - 1);
                IpNumber first = interval.First > start ? interval.First : start;
                IpNumber last = interval.Last < end ? interval.Last : end;
                if (first > last) continue;
                for (int i = Index(interval.Family, first); i <= Index(interval.Family, last); i++) set[i] = true;
            }
            return set;
        }

        public bool[] Space(IEnumerable<IpPrefix> prefixes) => Space(prefixes.Select(p => p.Interval));

        public bool[] Parse(IEnumerable<string> cidrs) => Space(cidrs.Select(TestData.Prefix));

        /// <summary>The addresses of each CIDR in turn: an address in two of them comes twice.</summary>
        public IEnumerable<int> Addresses(IEnumerable<string> cidrs)
        {
            foreach (string cidr in cidrs)
            {
                IpPrefix prefix = TestData.Prefix(cidr);
                for (int a = 0; a < Size; a++)
                {
                    if (Holds(prefix, a)) yield return a;
                }
            }
        }

        /// <summary>By definition: every aligned block inside the set whose parent block is not, in address order.</summary>
        public List<string> MinimalCidrs(bool[] set)
        {
            var cidrs = new List<(int Start, string Text)>();
            for (int family = 0; family < Families.Length; family++)
            {
                for (int hostBits = 0; hostBits <= BlockBits; hostBits++)
                {
                    for (int start = 0; start < Block; start += 1 << hostBits)
                    {
                        if (!Full(set, family, start, 1 << hostBits)) continue;
                        int parent = start & ~(1 << hostBits);
                        if (hostBits < BlockBits && Full(set, family, parent, 2 << hostBits)) continue;
                        cidrs.Add((family * Block + start, Prefix(Families[family], start, hostBits).ToString()));
                    }
                }
            }
            return cidrs.OrderBy(c => c.Start).Select(c => c.Text).ToList();
        }

        private int Index(IPAddressFamily family, IpNumber number)
        {
            int offset = (int)(number.Low - Number(family, 0).Low);
            Assert.InRange(offset, 0, Block - 1);
            return (int)family * Block + offset;
        }

        private static bool Full(bool[] set, int family, int start, int count)
        {
            for (int i = start; i < start + count; i++)
            {
                if (!set[family * Block + i]) return false;
            }
            return true;
        }
    }
}
