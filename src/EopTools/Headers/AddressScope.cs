using EopTools.Ranges;

namespace EopTools.Headers
{
    /// <summary>
    /// Addresses that never cross the Internet: private, loopback, link-local, shared (CGNAT) and unique local. A hop
    /// from one is a hand-over inside one network. Documentation ranges are not among them: examples use them as
    /// Internet hosts.
    /// </summary>
    internal static class AddressScope
    {
        private static readonly IpPrefix[] Internal = Parse(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
            "::/128", "::1/128", "fc00::/7", "fe80::/10");

        public static bool IsInternal(IpAddressValue address)
        {
            foreach (IpPrefix prefix in Internal)
            {
                if (prefix.Contains(address)) return true;
            }
            return false;
        }

        private static IpPrefix[] Parse(params string[] texts)
        {
            var prefixes = new IpPrefix[texts.Length];
            for (int i = 0; i < texts.Length; i++)
            {
                IpText.TryParsePrefix(texts[i], allowBareAddress: false, out prefixes[i], out _);
            }
            return prefixes;
        }
    }
}
