using System;
using System.Collections.Generic;
using System.Linq;
using EopTools;
using EopTools.Index;
using EopTools.Ranges;

/// <summary>
/// Addresses as a log would hold them, from a fixed seed: about 30% inside the global EOP ranges, a fifth IPv6,
/// the rest drawn from public space outside EOP.
/// </summary>
internal static class AddressGenerator
{
    public static IEnumerable<string> Generate(RangeIndex index, int count, int seed)
    {
        var random = new Random(seed);
        var ranges = index.Ranges.Where(r => r.Region == EopRegion.Global).ToArray();
        var ipv4 = ranges.Where(r => r.AddressFamily == IPAddressFamily.IPv4).ToArray();
        var ipv6 = ranges.Where(r => r.AddressFamily == IPAddressFamily.IPv6).ToArray();
        for (int i = 0; i < count; i++)
        {
            bool inside = random.NextDouble() < 0.30;
            bool v6 = random.NextDouble() < 0.20;
            IpAddressValue address;
            do
            {
                address = inside ? Inside(random, v6 ? ipv6 : ipv4) : Outside(random, v6);
            }
            while (!inside && index.Find(address) != null);
            yield return address.ToString();
        }
    }

    private static IpAddressValue Inside(Random random, EopIpRange[] ranges)
    {
        EopIpRange range = ranges[random.Next(ranges.Length)];
        IpNumber offset = RandomNumber(random).And(IpNumber.LowBits(range.Value.HostBits));
        return new IpAddressValue(range.AddressFamily, range.Value.First.Or(offset));
    }

    private static IpAddressValue Outside(Random random, bool v6)
    {
        IpNumber number = RandomNumber(random);
        return v6
            ? new IpAddressValue(IPAddressFamily.IPv6, new IpNumber(0x2000000000000000UL | (number.High & 0x0FFFFFFFFFFFFFFFUL), number.Low))
            : new IpAddressValue(IPAddressFamily.IPv4, new IpNumber(0, 0x01000000UL + (number.Low % 0xDE000000UL)));
    }

    private static IpNumber RandomNumber(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new IpNumber(BitConverter.ToUInt64(bytes, 0), BitConverter.ToUInt64(bytes, 8));
    }
}
