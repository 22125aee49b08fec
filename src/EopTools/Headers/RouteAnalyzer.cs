using System;
using System.Collections.Generic;
using System.Globalization;
using EopTools.Index;
using EopTools.Ranges;

namespace EopTools.Headers
{
    /// <summary>
    /// Reads a message's route from its header block. The Received: headers become hops; each hop's connecting address is
    /// answered from the EOP ranges; the hops whose receiver claims to be Microsoft 365 are confirmed by the chain (the
    /// top hop, a hop under a confirmed internal Microsoft hop, or a hop handed on from an EOP address); a Microsoft
    /// stamp counts only below a confirmed Microsoft hop. The verdict comes from the addresses and the trusted stamps,
    /// never from a host name alone nor from a hop's position alone.
    /// </summary>
    internal sealed class RouteAnalyzer
    {
        private readonly RangeIndex _index;
        private readonly RouteOptions _options;

        public RouteAnalyzer(RangeIndex index, RouteOptions options)
        {
            _index = index;
            _options = options;
        }

        public EopMessageHeaderResult Analyze(HeaderBlock block, string source, object? inputObject)
        {
            var notes = new List<string>(block.Problems);
            var received = new List<HeaderField>();
            foreach (HeaderField field in block.Fields)
            {
                if (string.Equals(field.Name, "Received", StringComparison.OrdinalIgnoreCase)) received.Add(field);
            }
            int count = received.Count;
            var chain = new Chain(count);
            for (int i = 0; i < count; i++)
            {
                ReceivedFields fields = ReceivedParser.Parse(received[i].Value);
                chain.Fields[i] = fields;
                chain.Answers[i] = fields.Address.HasValue ? _index.Answer(fields.Address.Value, null) : null;
                chain.IsMicrosoft[i] = MicrosoftHosts.IsMicrosoft365(fields);
                if (fields.Problem != null) notes.Add("Received: header at line " + received[i].Line + " cannot be read whole: " + fields.Problem + ".");
            }
            // Hops with neither a receiver nor an address at the top ("(qmail 123 invoked from network)") carry no evidence:
            // the first hop below them is the top of the chain.
            bool atTop = true;
            for (int i = 0; i < count; i++)
            {
                bool anchored = atTop || (chain.Confirmed[i - 1] && PassesTrustDown(chain, i - 1)) || chain.IsEop(i - 1);
                atTop = atTop && chain.Fields[i].By == null && !chain.Fields[i].Address.HasValue;
                chain.Confirmed[i] = chain.IsMicrosoft[i] && anchored;
                if (chain.IsMicrosoft[i] && !anchored)
                {
                    notes.Add("Hop " + (count - i) + " claims a Microsoft 365 receiver (" + chain.Fields[i].By + ") that no confirmed hop or EOP address vouches for: ignored.");
                }
            }

            // Hops in travel order: the bottom Received: header is hop 1.
            var hops = new EopMessageHop[count];
            for (int i = count - 1; i >= 0; i--)
            {
                DateTime? time = chain.Fields[i].Time, before = i + 1 < count ? chain.Fields[i + 1].Time : null;
                TimeSpan? delay = time.HasValue && before.HasValue ? time.Value - before.Value : (TimeSpan?)null;
                var hop = new EopMessageHop(count - i, received[i].Line, chain.Fields[i], chain.Answers[i], chain.IsMicrosoft[i], chain.Confirmed[i], delay);
                hops[count - 1 - i] = hop;
                if (hop.NegativeDelay) notes.Add("Hop " + hop.Number + " is " + Duration(delay!.Value.Negate()) + " earlier than the hop before it: the clocks or the order disagree.");
            }

            // Stamps below a confirmed Microsoft hop, or below a hop that an EOP address handed the message to, were
            // written while Microsoft held the message.
            int topConfirmed = -1;
            for (int i = 0; i < count && topConfirmed < 0; i++)
            {
                if (chain.Confirmed[i] || chain.IsEop(i)) topConfirmed = received[i].Position;
            }
            var stamps = new List<EopMessageStamp>();
            foreach (HeaderField field in block.Fields)
            {
                if (!StampParser.TryGetFormat(field.Name, out StampFormat format, out string name)) continue;
                EopStampTrust trust = field.Name.EndsWith(StampParser.UntrustedSuffix, StringComparison.OrdinalIgnoreCase) ? EopStampTrust.SendingTenant
                    : topConfirmed >= 0 && field.Position > topConfirmed ? EopStampTrust.Trusted
                    : EopStampTrust.Forged;
                stamps.Add(new EopMessageStamp(name, field.Value, field.Line, trust, format));
                if (trust == EopStampTrust.Forged && IsOrganizationStamp(field.Name))
                {
                    notes.Add(field.Name + " at line " + field.Line + " has no confirmed Microsoft 365 hop above it: forged or added outside Microsoft, ignored.");
                }
            }

            MessageSummary message = MessageSummary.Of(block);
            var verdict = new Verdict();
            var draft = new EopMessageHeaderResult(source, inputObject, message, EopMessageRoute.Undecided, string.Empty, string.Empty, null, hops, stamps, notes);
            Decide(chain, draft, message, verdict);
            EopMessageHop? entry = verdict.EntryIndex >= 0 ? hops[count - 1 - verdict.EntryIndex] : null;
            string? cip = draft.Cip;
            if (cip != null && entry?.IPAddress != null && chain.Confirmed[verdict.EntryIndex] &&
                (!AddressOf(cip, out IpAddressValue cipAddress) || !cipAddress.Equals(chain.Fields[verdict.EntryIndex].Address!.Value)))
            {
                notes.Add("The antispam report's CIP (" + cip + ") is not the entry hop's connecting address (" + entry.IPAddress + ").");
            }
            return new EopMessageHeaderResult(source, inputObject, message, verdict.Route, verdict.Reason, verdict.DecidedBy, entry, hops, stamps, notes);
        }

        /// <summary>Whether a confirmed Microsoft hop vouches for the hop below it: an internal host, or a sender at an EOP or internal address.</summary>
        private static bool PassesTrustDown(Chain chain, int i)
        {
            // Internet hosts reach only the front ends: a hop received by any other Microsoft host came from inside Microsoft.
            if (!MicrosoftHosts.IsFrontEnd(chain.Fields[i])) return true;
            IpAddressValue? address = chain.Fields[i].Address;
            return chain.IsEop(i) || (address.HasValue && AddressScope.IsInternal(address.Value));
        }

        private void Decide(Chain chain, EopMessageHeaderResult stamps, MessageSummary message, Verdict verdict)
        {
            int count = chain.Fields.Length;
            if (count == 0)
            {
                verdict.Set(EopMessageRoute.Undecided, "the headers have no Received: header, so the route cannot be read", "no Received: header", -1);
                return;
            }
            int readable = 0;
            for (int i = 0; i < count; i++)
            {
                if (chain.Fields[i].By != null || chain.Fields[i].Address.HasValue) readable++;
            }
            if (readable == 0)
            {
                verdict.Set(EopMessageRoute.Undecided, "none of the " + count + " Received: headers names a receiver or an address", "every Received: header", -1);
                return;
            }

            // The first hand-over out of Microsoft in travel: a receiver outside Microsoft that an EOP address connected to.
            int exit = -1;
            for (int i = count - 1; i >= 0 && exit < 0; i--)
            {
                if (!chain.IsMicrosoft[i] && chain.IsEop(i)) exit = i;
            }
            int entry = -1;
            for (int i = count - 1; i >= 0 && entry < 0; i--)
            {
                if (chain.Confirmed[i]) entry = i;
            }

            if (entry < 0)
            {
                DecideWithoutMicrosoft(chain, verdict, exit);
                return;
            }

            string? direction = stamps.Direction;
            string? fromEntity = stamps.FromEntityHeader;
            ReceivedFields entryFields = chain.Fields[entry];
            bool originatedInside = !MicrosoftHosts.IsFrontEnd(entryFields) && (!entryFields.Address.HasValue || AddressScope.IsInternal(entryFields.Address.Value));
            if (string.Equals(direction, "OUT", StringComparison.OrdinalIgnoreCase))
            {
                verdict.Set(EopMessageRoute.Microsoft365Outbound, "Microsoft 365 marked the message outgoing (DIR:OUT)" + ExitText(chain, exit),
                    StampAt("X-Forefront-Antispam-Report", stamps), exit >= 0 ? exit : entry);
                return;
            }
            if (exit >= 0 && exit < entry && direction == null && (originatedInside || IsOneOf(fromEntity, "Hosted", "HybridOnPrem")))
            {
                verdict.Set(EopMessageRoute.Microsoft365Outbound, "sent from Microsoft 365" + ExitText(chain, exit), HopText(chain, exit), exit);
                return;
            }
            if (originatedInside && exit < 0)
            {
                verdict.Set(EopMessageRoute.WithinMicrosoft365, "submitted to Microsoft 365 by a mailbox or client (" + HopText(chain, entry) +
                    " has no Internet sender) and delivered inside it: it never came from the Internet", HopText(chain, entry), entry);
                return;
            }
            if (!entryFields.Address.HasValue)
            {
                verdict.Set(EopMessageRoute.Undecided, "the first Microsoft 365 hop names no connecting address", HopText(chain, entry), entry);
                return;
            }
            IpAddressValue entryAddress = entryFields.Address.Value;
            if (chain.IsEop(entry))
            {
                verdict.Set(EopMessageRoute.ThroughEop, "entered from EOP's own address " + entryAddress + " (" + chain.Answers[entry]!.Range!.Prefix + "): sent by another Microsoft 365 tenant through EOP",
                    HopText(chain, entry), entry);
                return;
            }
            if (IsOneOf(fromEntity, "HybridOnPrem"))
            {
                verdict.Set(EopMessageRoute.MxOnPremises, "Microsoft 365 took it from the organisation's own servers (FromEntityHeader HybridOnPrem) at " + entryAddress +
                    FirstInternetHopText(chain, entry), StampAt("X-MS-Exchange-CrossTenant-FromEntityHeader", stamps), entry);
                return;
            }
            if (_options.IsOrganizationServerAddress(entryAddress) || _options.IsOrganizationServerName(entryFields.Helo ?? entryFields.From))
            {
                verdict.Set(EopMessageRoute.MxOnPremises, "Microsoft 365 took it from " + entryAddress + ", one of -OrganizationServer" + FirstInternetHopText(chain, entry),
                    HopText(chain, entry), entry);
                return;
            }
            string? authAs = stamps.AuthAs;
            if (string.Equals(authAs, "Anonymous", StringComparison.OrdinalIgnoreCase) && !_options.IsConnectorAddress(entryAddress) && !AddressScope.IsInternal(entryAddress))
            {
                string? ownDomain = OwnSenderDomain(message, stamps, entryFields);
                if (ownDomain != null)
                {
                    verdict.Set(EopMessageRoute.DirectSend, "entered anonymously (AuthAs Anonymous) from " + entryAddress + ", outside EOP and the connectors, with a sender in " +
                        ownDomain + ", the organisation's own domain: RejectDirectSend would reject it", HopText(chain, entry), entry);
                    return;
                }
            }
            if (_options.IsConnectorAddress(entryAddress))
            {
                verdict.Set(EopMessageRoute.GatewayBeforeEop, "entered from " + entryAddress + ", an address of -ConnectorIPAddress (a gateway or partner connector)" +
                    GatewayHopText(chain, entry), HopText(chain, entry), entry);
                return;
            }
            int gateway = GatewayHop(chain, entry, message);
            if (gateway >= 0)
            {
                verdict.Set(EopMessageRoute.GatewayBeforeEop, "the server at " + entryAddress + " that handed it to EOP had received it from " + chain.Fields[gateway].Address +
                    " as " + chain.Fields[gateway].By + ", a gateway in front of EOP", HopText(chain, gateway), entry);
                return;
            }
            verdict.Set(EopMessageRoute.ThroughEop, "entered Microsoft 365 through EOP from " + entryAddress + ", an Internet address outside EOP", HopText(chain, entry), entry);
        }

        /// <summary>No confirmed Microsoft hop: left Microsoft through EOP, reached the organisation past EOP, or never touched it.</summary>
        private void DecideWithoutMicrosoft(Chain chain, Verdict verdict, int exit)
        {
            if (exit >= 0)
            {
                bool intoOrganisation = _options.IsOrganizationServerName(chain.Fields[exit].By);
                verdict.Set(intoOrganisation ? EopMessageRoute.ThroughEop : EopMessageRoute.Microsoft365Outbound,
                    (intoOrganisation ? "the organisation's server " + chain.Fields[exit].By + " took it from EOP at " : "left Microsoft 365 from EOP's address ") +
                    chain.Fields[exit].Address + " (" + chain.Answers[exit]!.Range!.Prefix + ")", HopText(chain, exit), exit);
                return;
            }
            bool named = _options.HasOrganizationServers;
            int top = 0;
            while (top < chain.Fields.Length - 1 && chain.Fields[top].By == null) top++;
            string? organisation = named ? null : RegistrableDomain(chain.Fields[top].By);
            int entry = -1;
            for (int i = top; i < chain.Fields.Length; i++)
            {
                bool own = named
                    ? _options.IsOrganizationServerName(chain.Fields[i].By) || (i > 0 && _options.IsOrganizationServerAddress(chain.Fields[i - 1].Address))
                    : organisation != null && string.Equals(RegistrableDomain(chain.Fields[i].By), organisation, StringComparison.OrdinalIgnoreCase);
                if (!own) break;
                entry = i;
            }
            if (entry < 0)
            {
                verdict.Set(EopMessageRoute.NotMicrosoft365, named ? "no hop reached -OrganizationServer, and none is at a Microsoft address" :
                    "no hop is at a Microsoft address or confirmed as Microsoft 365", "every hop", -1);
                return;
            }
            IpAddressValue? address = chain.Fields[entry].Address;
            if (!address.HasValue || AddressScope.IsInternal(address.Value))
            {
                verdict.Set(EopMessageRoute.NotMicrosoft365, "it started inside the organisation's servers (" + HopText(chain, entry) + " has " +
                    (address.HasValue ? "the internal address " + address.Value : "no address") + ") and no hop is at a Microsoft address", HopText(chain, entry), entry);
                return;
            }
            bool exchange = false;
            for (int i = 0; i <= entry; i++)
            {
                string? with = chain.Fields[i].With;
                if (with != null && with.IndexOf("Microsoft SMTP Server", StringComparison.OrdinalIgnoreCase) >= 0) exchange = true;
            }
            if (named || exchange)
            {
                string servers = named ? "one of -OrganizationServer" : "inferred from the chain as the organisation's Exchange server (" + organisation +
                    "; give -OrganizationServer to name them)";
                verdict.Set(EopMessageRoute.OnPremisesBypass, chain.Fields[entry].By + ", " + servers + ", took it from " + address.Value +
                    ", an Internet address outside EOP: it went past EOP", HopText(chain, entry), entry);
                return;
            }
            verdict.Set(EopMessageRoute.NotMicrosoft365, "no hop is at a Microsoft address; " + chain.Fields[entry].By + " took it from " + address.Value, HopText(chain, entry), entry);
        }

        /// <summary>The sender's domain when it is the organisation's own (-AcceptedDomain, else the recipient's domain); null otherwise.</summary>
        private string? OwnSenderDomain(MessageSummary message, EopMessageHeaderResult stamps, ReceivedFields entry)
        {
            var senders = new List<string>();
            string? fromDomain = DomainOf(message.From);
            if (fromDomain != null) senders.Add(fromDomain);
            string? mailFrom = DomainOf(stamps.Trusted("Authentication-Results", "smtp.mailfrom"));
            if (mailFrom != null) senders.Add(mailFrom);
            string? recipientDomain = DomainOf(message.To) ?? DomainOf(entry.For);
            foreach (string sender in senders)
            {
                if (_options.HasAcceptedDomains ? _options.IsAcceptedDomain(sender) : string.Equals(sender, recipientDomain, StringComparison.OrdinalIgnoreCase)) return sender;
            }
            return null;
        }

        /// <summary>
        /// The hop where a gateway took the message from the Internet: the hop below the entry, received from a public address
        /// outside EOP by a server of another domain than the sender's (the sender's own relays are not a gateway).
        /// </summary>
        private static int GatewayHop(Chain chain, int entry, MessageSummary message)
        {
            int below = entry + 1;
            if (below >= chain.Fields.Length) return -1;
            ReceivedFields fields = chain.Fields[below];
            if (!fields.Address.HasValue || AddressScope.IsInternal(fields.Address.Value) || chain.IsEop(below) || fields.By == null) return -1;
            string? receiver = RegistrableDomain(fields.By);
            string? sender = DomainOf(message.From);
            return receiver != null && (sender == null || !string.Equals(receiver, RegistrableDomain(sender), StringComparison.OrdinalIgnoreCase)) ? below : -1;
        }

        private static string GatewayHopText(Chain chain, int entry)
        {
            int below = entry + 1;
            return below < chain.Fields.Length && chain.Fields[below].By != null ? "; it had received it as " + chain.Fields[below].By : string.Empty;
        }

        /// <summary>Where the organisation's servers took the message from the Internet, when the chain shows it.</summary>
        private static string FirstInternetHopText(Chain chain, int entry)
        {
            // The first hop in travel from a public address: where the message came in from the Internet.
            for (int i = chain.Fields.Length - 1; i > entry; i--)
            {
                IpAddressValue? address = chain.Fields[i].Address;
                if (address.HasValue && !AddressScope.IsInternal(address.Value))
                {
                    return "; they had received it from " + address.Value + " (" + HopText(chain, i) + ")";
                }
            }
            return string.Empty;
        }

        private static string ExitText(Chain chain, int exit) =>
            exit < 0 ? string.Empty : "; " + chain.Fields[exit].By + " received it from EOP's address " + chain.Fields[exit].Address;

        private static string StampAt(string name, EopMessageHeaderResult stamps)
        {
            foreach (EopMessageStamp stamp in stamps.Stamps)
            {
                if (stamp.Trust == EopStampTrust.Trusted && string.Equals(stamp.Name, name, StringComparison.OrdinalIgnoreCase)) return name + ", line " + stamp.Line;
            }
            return name;
        }

        private static string HopText(Chain chain, int index) => "hop " + (chain.Fields.Length - index).ToString(CultureInfo.InvariantCulture);

        private static bool IsOneOf(string? value, params string[] values)
        {
            foreach (string candidate in values)
            {
                if (string.Equals(value, candidate, StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }

        private static bool IsOrganizationStamp(string name) =>
            name.StartsWith("X-MS-Exchange-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("X-Forefront-", StringComparison.OrdinalIgnoreCase);

        private static bool AddressOf(string text, out IpAddressValue address) => Parsing.AddressInput.TryParse(text, out address, out _);

        /// <summary>The domain of the first address in a header value ("Name &lt;a@b&gt;", "a@b"), lower case; null when none.</summary>
        internal static string? DomainOf(string? value)
        {
            if (value == null) return null;
            int at = value.IndexOf('@');
            if (at < 0) return null;
            int end = at + 1;
            while (end < value.Length && value[end] != '>' && value[end] != ' ' && value[end] != ',' && value[end] != ';' && value[end] != ')') end++;
            string domain = value.Substring(at + 1, end - at - 1).Trim().TrimEnd('.').ToLowerInvariant();
            return RouteOptions.IsHostName(domain) ? domain : null;
        }

        /// <summary>
        /// The organisation's part of a host name: its last two labels, or three under a two-letter country code whose
        /// second level is short (contoso.co.uk, example.ne.jp). A heuristic, said so where it decides.
        /// </summary>
        internal static string? RegistrableDomain(string? host)
        {
            if (host == null || !RouteOptions.IsHostName(host.TrimEnd('.'))) return null;
            string[] labels = host.TrimEnd('.').ToLowerInvariant().Split('.');
            if (labels.Length < 2) return null;
            int take = labels.Length >= 3 && labels[labels.Length - 1].Length == 2 && labels[labels.Length - 2].Length <= 3 ? 3 : 2;
            if (char.IsDigit(labels[labels.Length - 1][0])) return null; // an address written as a name
            return string.Join(".", labels, labels.Length - take, take);
        }

        private static string Duration(TimeSpan span) =>
            span.TotalSeconds < 120 ? ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s"
            : span.TotalMinutes < 120 ? ((long)span.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min"
            : ((long)span.TotalHours).ToString(CultureInfo.InvariantCulture) + " h";

        /// <summary>The Received: headers top (newest) to bottom, read and answered.</summary>
        private sealed class Chain
        {
            public Chain(int count)
            {
                Fields = new ReceivedFields[count];
                Answers = new EopAnswer?[count];
                IsMicrosoft = new bool[count];
                Confirmed = new bool[count];
            }

            public ReceivedFields[] Fields { get; }

            public EopAnswer?[] Answers { get; }

            public bool[] IsMicrosoft { get; }

            public bool[] Confirmed { get; }

            /// <summary>Whether the server that connected for this hop is at an EOP address.</summary>
            public bool IsEop(int i) => Answers[i]?.Range != null;
        }

        private sealed class Verdict
        {
            public EopMessageRoute Route { get; private set; } = EopMessageRoute.Undecided;

            public string Reason { get; private set; } = string.Empty;

            public string DecidedBy { get; private set; } = string.Empty;

            public int EntryIndex { get; private set; } = -1;

            public void Set(EopMessageRoute route, string reason, string decidedBy, int entryIndex)
            {
                Route = route;
                Reason = reason;
                DecidedBy = decidedBy;
                EntryIndex = entryIndex;
            }
        }
    }
}
