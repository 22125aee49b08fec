using System;
using System.Collections.Generic;
using System.Globalization;
using EopTools.Parsing.Json;
using EopTools.Ranges;

namespace EopTools.Parsing
{
    /// <summary>
    /// Reads the Microsoft 365 web service's /endpoints/{instance} answer: every endpoint set, and the EOP ranges. EOP is
    /// every Exchange endpoint set whose TCP ports include 25 (its id differs per instance: 10 Worldwide, 6 US
    /// Government, 2 China). Unknown members are ignored, as the service's versioning contract requires.
    /// </summary>
    internal static class EndpointsJsonParser
    {
        public const string FormatName = "EndpointsJson";
        private const int SmtpPort = 25;

        public static bool LooksLikeJson(string text)
        {
            return TextStart.Is(text, "[") || TextStart.Is(text, "{");
        }

        /// <param name="instance">The instance it was asked for, when known.</param>
        /// <param name="version">The web service version of the answer, when known (10 digits).</param>
        public static RangeData Parse(string text, string source, string? instance = null, string? version = null)
        {
            JsonNode root;
            try
            {
                root = JsonReader.Parse(text);
            }
            catch (FormatException e)
            {
                throw new RangeDataException("InvalidJson", "'" + source + "' is not valid JSON: " + e.Message + ".", e);
            }
            if (root.Kind != JsonKind.Array) throw NotEndpoints(source, root);

            var builder = new RangeDataBuilder();
            var drafts = new List<EndpointSetDraft>();
            var ids = new HashSet<int>();
            int eopSets = 0;
            foreach (JsonNode set in root.Items)
            {
                if (set.Kind != JsonKind.Object || set.Member("serviceArea") == null)
                {
                    throw NotEndpoints(source, set);
                }
                foreach (JsonNode ip in Strings(set.Member("ips")))
                {
                    if (ip.Text != null && ip.Text.IndexOf(':') >= 0) builder.SawIPv6 = true;
                }
                bool eop = IsEopSet(set, source, builder);
                // The EOP part warns itself about a set without an id; one warning per problem.
                EndpointSetDraft? draft = EndpointSetReader.Read(set, source, builder, quietAboutId: eop);
                if (draft != null && !ids.Add(draft.Set.Id))
                {
                    builder.Warn("EndpointSetListedTwice", source, set.Line, "endpoint set " + draft.Set.Id.ToString(CultureInfo.InvariantCulture) + " is listed twice; the later one is skipped", null);
                    draft = null;
                }
                if (draft != null) drafts.Add(draft);
                if (!eop) continue;
                eopSets++;
                if (draft == null)
                {
                    ReadSet(set, source, builder);
                    continue;
                }
                // The same range repeated across sets is by design; the first set keeps it.
                foreach (IpPrefix prefix in draft.Prefixes) builder.Add(prefix, EopRegion.Global, draft.Set);
            }
            if (eopSets == 0 || builder.Count == 0)
            {
                throw new RangeDataException("NoEopRanges",
                    "'" + source + "' has no EOP ranges: no Exchange endpoint set with TCP port 25 lists an address.");
            }

            DateTime? published = null;
            if (version != null && DateTime.TryParseExact(version.Substring(0, Math.Min(8, version.Length)), "yyyyMMdd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime date))
            {
                published = date;
            }
            string name = instance == null ? "Microsoft 365 endpoints" : "Microsoft 365 endpoints (" + instance + ")";
            RangeData data = builder.Build(source, hasIPv6 => new EopDataSet(name, version ?? "unversioned", published, source, FormatName, hasIPv6, instance));
            var sets = new List<EopEndpointSet>(drafts.Count);
            foreach (EndpointSetDraft draft in drafts)
            {
                draft.Set.Attach(data.DataSet, draft.Prefixes);
                sets.Add(draft.Set);
            }
            return new RangeData(data.DataSet, data.Ranges, data.Diagnostics, sets.AsReadOnly());
        }

        private static RangeDataException NotEndpoints(string source, JsonNode node)
        {
            string what = node.Member("latest") != null ? "a /version answer"
                : node.Member("disposition") != null ? "a /changes answer"
                : node.Describe() + " where an endpoint set was expected";
            return new RangeDataException("UnrecognizedRangeFile", string.Format(CultureInfo.InvariantCulture,
                "'{0}' is JSON but not a web service /endpoints answer: line {1} holds {2}.", source, node.Line, what));
        }

        private static bool IsEopSet(JsonNode set, string source, RangeDataBuilder builder)
        {
            if (!string.Equals(set.Member("serviceArea")?.Text, "Exchange", StringComparison.OrdinalIgnoreCase)) return false;
            string? ports = set.Member("tcpPorts")?.Text;
            if (ports == null) return false;
            foreach (string part in ports.Split(','))
            {
                string port = part.Trim();
                int dash = port.IndexOf('-');
                if (dash < 0)
                {
                    if (!TryPort(port, out int single)) builder.Warn("UnreadablePort", source, set.Line, "endpoint set with an unreadable TCP port; that port is ignored", port);
                    else if (single == SmtpPort) return true;
                }
                else if (TryPort(port.Substring(0, dash).Trim(), out int low) && TryPort(port.Substring(dash + 1).Trim(), out int high) &&
                         low <= SmtpPort && SmtpPort <= high)
                {
                    return true;
                }
            }
            return false;
        }

        private static void ReadSet(JsonNode set, string source, RangeDataBuilder builder)
        {
            JsonNode? id = set.Member("id");
            if (id == null || id.Kind != JsonKind.Number || !int.TryParse(id.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int setId))
            {
                builder.Warn("EndpointSetWithoutId", source, set.Line, "EOP endpoint set without a whole-number id; skipped", id?.Text);
                return;
            }
            string? tcpPorts = set.Member("tcpPorts")?.Text;
            // A set malformed otherwise keeps its EOP ranges as before; its ports are parsed where they can be.
            List<EopPortRange> ports = EndpointSetReader.TryParsePorts(tcpPorts ?? "", out List<EopPortRange> parsed, out _) ? parsed : new List<EopPortRange>();
            var endpointSet = new EopEndpointSet(setId, set.Member("serviceArea")!.Text!, null, set.Member("category")?.Text,
                Boolean(set.Member("required")), Boolean(set.Member("expressRoute")), tcpPorts, ports, null, new List<EopPortRange>(), new List<string>(), null, set.Line);
            // The same range repeated across sets is by design; the first set keeps it.
            foreach (IpPrefix prefix in EndpointSetReader.ReadPrefixes(Strings(set.Member("ips")), "endpoint set " + setId.ToString(CultureInfo.InvariantCulture), source, builder))
            {
                builder.Add(prefix, EopRegion.Global, endpointSet);
            }
        }

        private static System.Collections.Generic.IReadOnlyList<JsonNode> Strings(JsonNode? array) =>
            array != null && array.Kind == JsonKind.Array ? array.Items : Array.Empty<JsonNode>();

        private static bool? Boolean(JsonNode? node) =>
            node?.Kind == JsonKind.True ? true : node?.Kind == JsonKind.False ? false : (bool?)null;

        private static bool TryPort(string text, out int port) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
    }
}
