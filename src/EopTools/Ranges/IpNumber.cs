using System;

namespace EopTools.Ranges
{
    /// <summary>An address as an unsigned 128-bit number; IPv4 uses the low 32 bits.</summary>
    /// <remarks>netstandard2.0 has no UInt128, and BigInteger allocates on every operation.</remarks>
    internal readonly struct IpNumber : IComparable<IpNumber>, IEquatable<IpNumber>
    {
        public readonly ulong High;
        public readonly ulong Low;

        public IpNumber(ulong high, ulong low)
        {
            High = high;
            Low = low;
        }

        public static readonly IpNumber Zero = new IpNumber(0, 0);

        public bool IsZero => High == 0 && Low == 0;

        /// <summary>The lowest <paramref name="bits"/> bits set, the rest clear (0 to 128).</summary>
        public static IpNumber LowBits(int bits)
        {
            if (bits <= 0) return Zero;
            if (bits < 64) return new IpNumber(0, (1UL << bits) - 1);
            if (bits == 64) return new IpNumber(0, ulong.MaxValue);
            if (bits < 128) return new IpNumber((1UL << (bits - 64)) - 1, ulong.MaxValue);
            return new IpNumber(ulong.MaxValue, ulong.MaxValue);
        }

        /// <summary>Shifts left; 128 bits or more give zero.</summary>
        public IpNumber ShiftLeft(int bits)
        {
            if (bits == 0) return this;
            if (bits >= 128) return Zero;
            if (bits >= 64) return new IpNumber(Low << (bits - 64), 0);
            return new IpNumber((High << bits) | (Low >> (64 - bits)), Low << bits);
        }

        public IpNumber Or(IpNumber other) => new IpNumber(High | other.High, Low | other.Low);

        public IpNumber And(IpNumber other) => new IpNumber(High & other.High, Low & other.Low);

        public IpNumber AndNot(IpNumber other) => new IpNumber(High & ~other.High, Low & ~other.Low);

        /// <summary>This number plus one; wraps to zero after the maximum (callers compare with the family maximum first).</summary>
        public IpNumber Increment() => Low == ulong.MaxValue ? new IpNumber(High + 1, 0) : new IpNumber(High, Low + 1);

        public IpNumber Decrement() => Low == 0 ? new IpNumber(High - 1, ulong.MaxValue) : new IpNumber(High, Low - 1);

        /// <summary>Number of trailing zero bits (128 for zero).</summary>
        public int TrailingZeros()
        {
            if (Low != 0) return CountTrailingZeros(Low);
            if (High != 0) return 64 + CountTrailingZeros(High);
            return 128;
        }

        public int CompareTo(IpNumber other)
        {
            if (High != other.High) return High < other.High ? -1 : 1;
            if (Low != other.Low) return Low < other.Low ? -1 : 1;
            return 0;
        }

        public bool Equals(IpNumber other) => High == other.High && Low == other.Low;

        public override bool Equals(object? obj) => obj is IpNumber other && Equals(other);

        public override int GetHashCode() => (High ^ (Low * 31)).GetHashCode();

        public static bool operator <(IpNumber a, IpNumber b) => a.CompareTo(b) < 0;
        public static bool operator >(IpNumber a, IpNumber b) => a.CompareTo(b) > 0;
        public static bool operator <=(IpNumber a, IpNumber b) => a.CompareTo(b) <= 0;
        public static bool operator >=(IpNumber a, IpNumber b) => a.CompareTo(b) >= 0;
        public static bool operator ==(IpNumber a, IpNumber b) => a.Equals(b);
        public static bool operator !=(IpNumber a, IpNumber b) => !a.Equals(b);

        public override string ToString() => High.ToString("x16") + Low.ToString("x16");

        private static int CountTrailingZeros(ulong value)
        {
            int count = 0;
            while ((value & 1) == 0)
            {
                value >>= 1;
                count++;
            }
            return count;
        }
    }
}
