using System;
using System.Collections.Generic;
using System.Globalization;
using EopTools.Parsing.Json;
using EopTools.Ranges;

namespace EopTools.Parsing
{
    /// <summary>An endpoint set as read, before the answer's data set exists to give its IPs.</summary>
    internal sealed class EndpointSetDraft
    {
        public EndpointSetDraft(EopEndpointSet set, List<IpPrefix> prefixes)
        {
            Set = set;
            Prefixes = prefixes;
        }

        public EopEndpointSet Set { get; }

        public List<IpPrefix> Prefixes { get; }
    }

    /// <summary>
    /// Reads one endpoint set of an /endpoints answer strictly. The members the service omits when blank (ips, urls,
    /// tcpPorts, udpPorts, notes) may be missing; unknown members are ignored. A set whose members are not what they
    /// claim (an id that is not a whole number, ports that are not a list of ports, a flag that is not a boolean) is
    /// skipped with a warning naming it; a malformed IP is skipped alone, as in the EOP ranges.
    /// </summary>
    internal static class EndpointSetReader
    {
        /// <param name="quietAboutId">True when the caller has already warned that this set has no whole-number id.</param>
        public static EndpointSetDraft? Read(JsonNode set, string source, RangeDataBuilder builder, bool quietAboutId)
        {
            JsonNode? idNode = set.Member("id");
            if (idNode == null || idNode.Kind != JsonKind.Number || !int.TryParse(idNode.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                if (!quietAboutId) builder.Warn("EndpointSetWithoutId", source, set.Line, "endpoint set without a whole-number id; skipped", idNode?.Text);
                return null;
            }
            string name = "endpoint set " + id.ToString(CultureInfo.InvariantCulture);
            string? problem = null;
            string? serviceArea = Text(set, "serviceArea", ref problem);
            // Every set names its service area: one that is null or blank is not a set to guess about.
            if (problem == null && serviceArea == null) problem = "serviceArea is null, not a string";
            if (serviceArea != null && serviceArea.Trim().Length == 0) problem ??= "serviceArea is blank";
            string? displayName = Text(set, "serviceAreaDisplayName", ref problem);
            string? category = Text(set, "category", ref problem);
            string? notes = Text(set, "notes", ref problem);
            bool? required = Flag(set, "required", ref problem);
            bool? expressRoute = Flag(set, "expressRoute", ref problem);
            string? tcpPorts = Text(set, "tcpPorts", ref problem);
            string? udpPorts = Text(set, "udpPorts", ref problem);
            List<EopPortRange> tcp = Ports(tcpPorts, "tcpPorts", ref problem);
            List<EopPortRange> udp = Ports(udpPorts, "udpPorts", ref problem);
            List<string> urls = Urls(set.Member("urls"), ref problem);
            JsonNode? ips = set.Member("ips");
            if (ips != null && ips.Kind != JsonKind.Array) problem ??= "ips is " + ips.Describe() + ", not an array";
            if (problem != null)
            {
                builder.Warn("MalformedEndpointSet", source, set.Line, name + " is malformed (" + problem + "); skipped", null);
                return null;
            }

            List<IpPrefix> prefixes = ReadPrefixes(ips?.Items ?? Array.Empty<JsonNode>(), name, source, builder);
            var endpointSet = new EopEndpointSet(id, serviceArea!, displayName, category, required, expressRoute,
                Blank(tcpPorts), tcp, Blank(udpPorts), udp, urls, Blank(notes), set.Line);
            return new EndpointSetDraft(endpointSet, prefixes);
        }

        /// <summary>The set's prefixes, each once, in the order written; a malformed one is skipped with a warning naming the set.</summary>
        public static List<IpPrefix> ReadPrefixes(IReadOnlyList<JsonNode> ips, string setName, string source, RangeDataBuilder builder)
        {
            var prefixes = new List<IpPrefix>();
            var seen = new HashSet<IpPrefix>();
            foreach (JsonNode ip in ips)
            {
                string? error = ip.Kind == JsonKind.String ? null : ip.Describe() + " instead of a string";
                if (error != null || !IpText.TryParsePrefix(ip.Text!, allowBareAddress: true, out IpPrefix prefix, out error))
                {
                    builder.Warn("MalformedRange", source, ip.Line, "malformed range in " + setName + " (" + error + "); skipped", ip.Text);
                    continue;
                }
                if (seen.Add(prefix)) prefixes.Add(prefix);
            }
            return prefixes;
        }

        /// <summary>
        /// Parses the service's free-text port list: ports and "first-last" ranges separated by commas, spaces around
        /// them allowed ("443,80", "143, 587, 993, 995", "1024-65535"). False, with the reason, for anything else.
        /// </summary>
        public static bool TryParsePorts(string text, out List<EopPortRange> ports, out string? error)
        {
            ports = new List<EopPortRange>();
            error = null;
            if (text.Trim().Length == 0) return true;
            foreach (string part in text.Split(','))
            {
                string item = part.Trim();
                int dash = item.IndexOf('-');
                string firstText = dash < 0 ? item : item.Substring(0, dash).Trim();
                string lastText = dash < 0 ? item : item.Substring(dash + 1).Trim();
                if (!TryPort(firstText, out int first) || !TryPort(lastText, out int last))
                {
                    error = "'" + item + "' is not a port (0-65535) or a range of ports";
                    return false;
                }
                if (last < first)
                {
                    error = "the range '" + item + "' ends before it starts";
                    return false;
                }
                ports.Add(new EopPortRange(first, last));
            }
            return true;
        }

        private static bool TryPort(string text, out int port)
        {
            port = 0;
            return text.Length > 0 && text.Length <= 5 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
        }

        private static string? Text(JsonNode set, string member, ref string? problem)
        {
            JsonNode? node = set.Member(member);
            if (node == null || node.Kind == JsonKind.Null) return null;
            if (node.Kind == JsonKind.String) return node.Text;
            problem ??= member + " is " + node.Describe() + ", not a string";
            return null;
        }

        private static bool? Flag(JsonNode set, string member, ref string? problem)
        {
            JsonNode? node = set.Member(member);
            if (node == null) return null;
            if (node.Kind == JsonKind.True) return true;
            if (node.Kind == JsonKind.False) return false;
            problem ??= member + " is " + node.Describe() + ", not true or false";
            return null;
        }

        private static List<EopPortRange> Ports(string? text, string member, ref string? problem)
        {
            if (text == null) return new List<EopPortRange>();
            if (TryParsePorts(text, out List<EopPortRange> ports, out string? error)) return ports;
            problem ??= member + " '" + text + "': " + error;
            return new List<EopPortRange>();
        }

        private static List<string> Urls(JsonNode? node, ref string? problem)
        {
            var urls = new List<string>();
            if (node == null) return urls;
            if (node.Kind != JsonKind.Array)
            {
                problem ??= "urls is " + node.Describe() + ", not an array";
                return urls;
            }
            foreach (JsonNode url in node.Items)
            {
                if (url.Kind != JsonKind.String || url.Text!.Trim().Length == 0)
                {
                    problem ??= "a URL is " + (url.Kind == JsonKind.String ? "blank" : url.Describe());
                    continue;
                }
                urls.Add(url.Text);
            }
            return urls;
        }

        /// <summary>The service omits blank members, but not always ("notes": ""): blank is absent.</summary>
        private static string? Blank(string? text) => text == null || text.Trim().Length == 0 ? null : text;
    }
}
