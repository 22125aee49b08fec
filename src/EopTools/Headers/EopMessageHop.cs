using System;
using System.Globalization;
using System.Net;
using EopTools.Headers;
using EopTools.Index;

namespace EopTools
{
    /// <summary>
    /// One Received: header of a message, read: who connected (the from names and the address), who received (by), how
    /// (with, via, id, for), when, and what the EOP ranges say of the address. Number 1 is the first hop the message took.
    /// </summary>
    public sealed class EopMessageHop
    {
        private readonly EopAnswer? _answer;
        private readonly ReceivedFields _fields;
        private IPAddress? _ipAddress;

        internal EopMessageHop(int number, int line, ReceivedFields fields, EopAnswer? answer, bool isMicrosoft365, bool isConfirmedMicrosoft365, TimeSpan? delay)
        {
            Number = number;
            Line = line;
            _fields = fields;
            _answer = answer;
            Delay = delay;
            IsMicrosoft365 = isMicrosoft365;
            IsConfirmedMicrosoft365 = isConfirmedMicrosoft365;
        }

        /// <summary>The hop's place in the message's travel: 1 for the first server, the last for the receiver.</summary>
        public int Number { get; }

        /// <summary>The line of the header block the Received: header starts on, from 1.</summary>
        public int Line { get; }

        /// <summary>The Received: header's unfolded value.</summary>
        public string Raw => _fields.Value;

        /// <summary>The name the connecting server gave (HELO/EHLO): a claim.</summary>
        /// <remarks>This and the other names are read from <see cref="Raw"/> each time they are asked for (see <see cref="ReceivedFields"/>).</remarks>
        public string? Helo => _fields.Helo ?? _fields.From;

        /// <summary>The reverse DNS name of the connecting address, when the receiver wrote one.</summary>
        public string? ReverseDns => _fields.FromHost ?? (_fields.HeloPart.IsSet ? _fields.From : null);

        /// <summary>The connecting address from the TCP-info comment; null when the hop has none.</summary>
        /// <remarks>Made when first asked; threads that race make equal addresses, and one is kept.</remarks>
        public IPAddress? IPAddress => _ipAddress ??= _fields.Address?.ToIPAddress();

        public int? Port => _fields.Port >= 0 ? _fields.Port : (int?)null;

        /// <summary>Whether the connecting address is in the EOP ranges.</summary>
        public bool IsEop => _answer?.Range != null;

        /// <summary>The most specific EOP range that contains the connecting address, or null.</summary>
        public EopIpRange? Range => _answer?.Range;

        /// <summary>The regional tables that contain the connecting address; empty when none.</summary>
        public EopList<EopRegion> Region => _answer?.Regions ?? EopList<EopRegion>.Empty;

        /// <summary>
        /// For a connecting address the session's ranges do not hold: the range that held it in older data the module keeps
        /// (the cache's previous data, then the embedded 2018 page), as Test-EopIpAddress gives it; null when none did, for
        /// an EOP address or a hop without one, and when the session answers from the embedded page. Looked up when read.
        /// </summary>
        public EopFormerRange? FormerRange => _fields.Address.HasValue ? _answer?.Former?.Find(_fields.Address.Value) : null;

        /// <summary>The receiving server, as it named itself.</summary>
        public string? By => _fields.By;

        public string? Via => _fields.Via;

        /// <summary>The protocol (SMTP, ESMTPS, Microsoft SMTP Server, HTTPS, mapi, ...).</summary>
        public string? With => _fields.With;

        public string? Id => _fields.Id;

        public string? For => _fields.For;

        /// <summary>When the receiving server took the message, in UTC; null when the date is missing or unreadable.</summary>
        public DateTime? Time => _fields.Time;

        /// <summary>The time since the hop before; negative when the clocks (or the order) disagree, which <see cref="NegativeDelay"/> flags.</summary>
        public TimeSpan? Delay { get; }

        public bool NegativeDelay => Delay.HasValue && Delay.Value < TimeSpan.Zero;

        /// <summary>Whether the receiving server's name is one of Microsoft 365's mail hosts: a claim, see <see cref="IsConfirmedMicrosoft365"/>.</summary>
        public bool IsMicrosoft365 { get; }

        /// <summary>A Microsoft 365 hop that the chain confirms: the top hop, below another confirmed one, or handed on from an EOP address.</summary>
        public bool IsConfirmedMicrosoft365 { get; }

        /// <summary>Why the header could not be read whole; null when it was.</summary>
        public string? Problem => _fields.Problem;

        public override string ToString()
        {
            string from = Helo ?? "?";
            if (IPAddress != null) from += " [" + IPAddress + "]";
            string text = "Hop " + Number.ToString(CultureInfo.InvariantCulture) + ": from " + from + " by " + (By ?? "?");
            return Problem == null ? text : text + " (" + Problem + ")";
        }
    }
}
