using System;
using System.Collections.Generic;
using System.Net;
using EopTools.Headers;

namespace EopTools
{
    /// <summary>
    /// One message's route as its headers show it: the verdict with what decided it, the hop where it entered Microsoft
    /// 365 or the organisation and what the EOP ranges say of its address, every hop, and every Microsoft 365 stamp with
    /// whether it can be believed.
    /// </summary>
    public sealed class EopMessageHeaderResult
    {
        internal EopMessageHeaderResult(string source, object? inputObject, MessageSummary message, EopMessageRoute route, string reason, string decidedBy,
            EopMessageHop? entryHop, IList<EopMessageHop> hops, IList<EopMessageStamp> stamps, IList<string> notes)
        {
            Source = source;
            InputObject = inputObject;
            MessageId = message.MessageId;
            Subject = message.Subject;
            From = message.From;
            To = message.To;
            Date = message.Date;
            Route = route;
            Reason = reason;
            DecidedBy = decidedBy;
            EntryHop = entryHop;
            Hops = EopList<EopMessageHop>.Of(hops);
            Stamps = EopList<EopMessageStamp>.Of(stamps);
            Notes = EopList<string>.Of(notes);
        }

        /// <summary>The file the headers came from, or "(pipeline)" for text and objects.</summary>
        public string Source { get; }

        /// <summary>The input as it came: the text, the Graph message, the record or the file; null for -Path and -LiteralPath.</summary>
        public object? InputObject { get; }

        public string? MessageId { get; }

        /// <summary>The Subject, RFC 2047 encoded words decoded.</summary>
        public string? Subject { get; }

        /// <summary>The From header, RFC 2047 encoded words decoded.</summary>
        public string? From { get; }

        public string? To { get; }

        /// <summary>The Date header in UTC; null when it is missing or unreadable.</summary>
        public DateTime? Date { get; }

        public EopMessageRoute Route { get; }

        /// <summary>Why: the evidence for the verdict in a sentence.</summary>
        public string Reason { get; }

        /// <summary>The hop ("hop 3") or stamp ("X-MS-Exchange-CrossTenant-FromEntityHeader, line 41") that decided the verdict.</summary>
        public string DecidedBy { get; }

        /// <summary>The hop where the message entered Microsoft 365 or the organisation; null when there is none.</summary>
        public EopMessageHop? EntryHop { get; }

        /// <summary>The entry hop's connecting address: the server that handed the message in.</summary>
        public IPAddress? IPAddress => EntryHop?.IPAddress;

        public bool IsEop => EntryHop?.IsEop ?? false;

        public EopIpRange? Range => EntryHop?.Range;

        public EopList<EopRegion> Region => EntryHop?.Region ?? EopList<EopRegion>.Empty;

        /// <summary>Every Received: header, in the order the message travelled (hop 1 first).</summary>
        public EopList<EopMessageHop> Hops { get; }

        /// <summary>Every Microsoft 365 stamp, top to bottom, each with its trust.</summary>
        public EopList<EopMessageStamp> Stamps { get; }

        /// <summary>What else the headers show: forged stamps, CIP and entry address that disagree, negative delays, unread lines.</summary>
        public EopList<string> Notes { get; }

        /// <summary>DIR of the trusted X-Forefront-Antispam-Report: INB, OUT or INT.</summary>
        public string? Direction => Trusted("X-Forefront-Antispam-Report", "DIR");

        /// <summary>CIP of the trusted X-Forefront-Antispam-Report: the address EOP saw connect.</summary>
        public string? Cip => Trusted("X-Forefront-Antispam-Report", "CIP");

        public string? AuthAs => Trusted("X-MS-Exchange-Organization-AuthAs", "Value") ?? Trusted("X-MS-Exchange-CrossTenant-AuthAs", "Value");

        public string? FromEntityHeader => Trusted("X-MS-Exchange-CrossTenant-FromEntityHeader", "Value");

        public string? Spf => Trusted("Authentication-Results", "spf");

        public string? Dkim => Trusted("Authentication-Results", "dkim");

        public string? Dmarc => Trusted("Authentication-Results", "dmarc");

        public string? CompAuth => Trusted("Authentication-Results", "compauth");

        /// <summary>The composite authentication reason code (e.g. 000 fail, 100-199 pass).</summary>
        public string? CompAuthReason => Trusted("Authentication-Results", "compauth.reason");

        /// <summary>A field of the first trusted stamp of that name that has it.</summary>
        internal string? Trusted(string stamp, string field)
        {
            foreach (EopMessageStamp candidate in Stamps)
            {
                if (candidate.Trust != EopStampTrust.Trusted || !string.Equals(candidate.Name, stamp, StringComparison.OrdinalIgnoreCase)) continue;
                string? value = candidate[field];
                if (value != null) return value;
            }
            return null;
        }

        public override string ToString() => Source + ": " + Route + " (" + Reason + ")";
    }
}
