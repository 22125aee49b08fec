using System;
using System.Collections.Generic;
using EopTools;
using EopTools.Parsing;
using EopTools.Ranges;

/// <summary>
/// Two versions of a large range list from a fixed seed, for the diff benchmark. The reference holds random prefixes
/// (four in five IPv4 /12 to /30, the rest IPv6 /24 to /64; most in the global list, the rest spread over the regional
/// tables); the difference keeps 80% of them, widens, narrows and drops 5% each, replaces 5% and adds 5% more.
/// </summary>
internal static class PrefixSetGenerator
{
    private static readonly EopRegion[] Regions = { EopRegion.Global, EopRegion.Americas, EopRegion.EMEA, EopRegion.APAC };

    public static (RangeData Reference, RangeData Difference) Generate(int count, int seed)
    {
        var random = new Random(seed);
        var older = new EopDataSet("benchmark reference", "1", null, "generated", "Generated", hasIPv6: true);
        var newer = new EopDataSet("benchmark difference", "2", null, "generated", "Generated", hasIPv6: true);
        var reference = new List<EopIpRange>(count);
        var difference = new List<EopIpRange>(count + count / 10);
        for (int i = 0; i < count; i++)
        {
            EopRegion region = random.NextDouble() < 0.85 ? EopRegion.Global : Regions[1 + random.Next(3)];
            IpPrefix prefix = RandomPrefix(random);
            reference.Add(new EopIpRange(prefix, region, older));
            double fate = random.NextDouble();
            if (fate < 0.80) difference.Add(new EopIpRange(prefix, region, newer));
            else if (fate < 0.85) difference.Add(new EopIpRange(Resize(random, prefix, -1 - random.Next(3)), region, newer));
            else if (fate < 0.90) difference.Add(new EopIpRange(Resize(random, prefix, 1 + random.Next(3)), region, newer));
            else if (fate < 0.95) continue;
            else difference.Add(new EopIpRange(RandomPrefix(random), region, newer));
            if (random.NextDouble() < 0.05) difference.Add(new EopIpRange(RandomPrefix(random), region, newer));
        }
        return (new RangeData(older, reference, Array.Empty<Diagnostic>()), new RangeData(newer, difference, Array.Empty<Diagnostic>()));
    }

    private static IpPrefix RandomPrefix(Random random)
    {
        bool v6 = random.NextDouble() < 0.20;
        var family = v6 ? IPAddressFamily.IPv6 : IPAddressFamily.IPv4;
        int width = IpAddressValue.BitWidth(family);
        int length = v6 ? 24 + random.Next(41) : 12 + random.Next(19);
        var bytes = new byte[16];
        random.NextBytes(bytes);
        IpNumber number = v6
            ? new IpNumber(0x2000000000000000UL | (BitConverter.ToUInt64(bytes, 0) >> 3), BitConverter.ToUInt64(bytes, 8))
            : new IpNumber(0, BitConverter.ToUInt32(bytes, 0));
        return new IpPrefix(family, number.AndNot(IpNumber.LowBits(width - length)), length);
    }

    /// <summary>The prefix <paramref name="delta"/> bits longer (a random part of it) or shorter (its supernet).</summary>
    private static IpPrefix Resize(Random random, IpPrefix prefix, int delta)
    {
        int length = Math.Max(1, Math.Min(IpAddressValue.BitWidth(prefix.Family), prefix.Length + delta));
        int hostBits = IpAddressValue.BitWidth(prefix.Family) - length;
        IpNumber first = prefix.First.AndNot(IpNumber.LowBits(hostBits));
        if (length > prefix.Length) first = first.Or(new IpNumber(0, (ulong)random.Next(1 << (length - prefix.Length))).ShiftLeft(hostBits));
        return new IpPrefix(prefix.Family, first, length);
    }
}
