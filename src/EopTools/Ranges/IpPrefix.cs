using System;
using System.Collections.Generic;

namespace EopTools.Ranges
{
    /// <summary>A CIDR prefix whose host bits are clear: the interval [First, Last] of one family.</summary>
    internal readonly struct IpPrefix : IEquatable<IpPrefix>, IComparable<IpPrefix>
    {
        public readonly IPAddressFamily Family;
        public readonly IpNumber First;
        public readonly int Length;

        public IpPrefix(IPAddressFamily family, IpNumber first, int length)
        {
            int width = IpAddressValue.BitWidth(family);
            if (length < 0 || length > width) throw new ArgumentOutOfRangeException(nameof(length));
            if (!first.And(IpNumber.LowBits(width - length)).IsZero)
            {
                throw new ArgumentException("The prefix has host bits set.", nameof(first));
            }
            Family = family;
            First = first;
            Length = length;
        }

        public int HostBits => IpAddressValue.BitWidth(Family) - Length;

        public IpNumber Last => First.Or(IpNumber.LowBits(HostBits));

        public AddressInterval Interval => new AddressInterval(Family, First, Last);

        public System.Numerics.BigInteger AddressCount => System.Numerics.BigInteger.One << HostBits;

        public bool Contains(IpAddressValue address) =>
            address.Family == Family && address.Number >= First && address.Number <= Last;

        public bool Contains(IpPrefix other) =>
            other.Family == Family && other.Length >= Length && other.First >= First && other.First <= Last;

        public bool Equals(IpPrefix other) => Family == other.Family && Length == other.Length && First == other.First;

        public override bool Equals(object? obj) => obj is IpPrefix other && Equals(other);

        public override int GetHashCode() => First.GetHashCode() ^ (Length << 8) ^ (int)Family;

        /// <summary>Family, then address, then the wider prefix first.</summary>
        public int CompareTo(IpPrefix other)
        {
            if (Family != other.Family) return Family.CompareTo(other.Family);
            int byFirst = First.CompareTo(other.First);
            return byFirst != 0 ? byFirst : Length.CompareTo(other.Length);
        }

        public override string ToString() => IpText.Format(new IpAddressValue(Family, First)) + "/" + Length.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The prefixes as CIDR text, in their order.</summary>
        public static List<string> Texts(IReadOnlyCollection<IpPrefix> prefixes)
        {
            var texts = new List<string>(prefixes.Count);
            foreach (IpPrefix prefix in prefixes) texts.Add(prefix.ToString());
            return texts;
        }
    }
}
