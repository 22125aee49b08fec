using System;
using System.Net;

namespace EopTools.Ranges
{
    /// <summary>A parsed address: family and number. IPv4-mapped IPv6 is stored as IPv4.</summary>
    internal readonly struct IpAddressValue : IEquatable<IpAddressValue>
    {
        public readonly IPAddressFamily Family;
        public readonly IpNumber Number;

        public IpAddressValue(IPAddressFamily family, IpNumber number)
        {
            Family = family;
            Number = number;
        }

        public static int BitWidth(IPAddressFamily family) => family == IPAddressFamily.IPv4 ? 32 : 128;

        public static IpNumber MaxNumber(IPAddressFamily family) => IpNumber.LowBits(BitWidth(family));

        public static IpAddressValue FromIPAddress(IPAddress address)
        {
            byte[] bytes = address.GetAddressBytes();
            if (bytes.Length == 4)
            {
                return new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, ReadBigEndian(bytes, 0, 4)));
            }
            var number = new IpNumber(ReadBigEndian(bytes, 0, 8), ReadBigEndian(bytes, 8, 8));
            return IpText.FromIPv6Number(number);
        }

        public IPAddress ToIPAddress()
        {
            if (Family == IPAddressFamily.IPv4)
            {
                uint v = (uint)Number.Low;
                return new IPAddress(new[] { (byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v });
            }
            var bytes = new byte[16];
            WriteBigEndian(Number.High, bytes, 0);
            WriteBigEndian(Number.Low, bytes, 8);
            return new IPAddress(bytes);
        }

        public bool Equals(IpAddressValue other) => Family == other.Family && Number == other.Number;

        public override bool Equals(object? obj) => obj is IpAddressValue other && Equals(other);

        public override int GetHashCode() => Number.GetHashCode() ^ (int)Family;

        public override string ToString() => IpText.Format(this);

        private static ulong ReadBigEndian(byte[] bytes, int offset, int count)
        {
            ulong value = 0;
            for (int i = 0; i < count; i++) value = (value << 8) | bytes[offset + i];
            return value;
        }

        private static void WriteBigEndian(ulong value, byte[] bytes, int offset)
        {
            for (int i = 7; i >= 0; i--)
            {
                bytes[offset + i] = (byte)value;
                value >>= 8;
            }
        }
    }
}
