using System;
using System.Globalization;
using System.Net;
using EopTools.Headers;
using EopTools.Index;
using EopTools.Ranges;

namespace EopTools
{
    /// <summary>
    /// One Received: header of a message, read: who connected (the from names and the address), who received (by), how
    /// (with, via, id, for), when, and what the EOP ranges say of the address. Number 1 is the first hop the message took.
    /// </summary>
    public sealed class EopMessageHop
    {
        private readonly EopAnswer? _answer;
        private readonly IpAddressValue? _address;
        private IPAddress? _ipAddress;

        internal EopMessageHop(int number, int line, string raw, ReceivedFields fields, EopAnswer? answer, bool isMicrosoft365, bool isConfirmedMicrosoft365, TimeSpan? delay)
        {
            Number = number;
            Line = line;
            Raw = raw;
            Helo = fields.Helo ?? fields.From;
            ReverseDns = fields.FromHost ?? (fields.Helo != null ? fields.From : null);
            _address = fields.Address;
            Port = fields.Port >= 0 ? fields.Port : (int?)null;
            _answer = answer;
            By = fields.By;
            Via = fields.Via;
            With = fields.With;
            Id = fields.Id;
            For = fields.For;
            Time = fields.Time;
            Delay = delay;
            IsMicrosoft365 = isMicrosoft365;
            IsConfirmedMicrosoft365 = isConfirmedMicrosoft365;
            Problem = fields.Problem;
        }

        /// <summary>The hop's place in the message's travel: 1 for the first server, the last for the receiver.</summary>
        public int Number { get; }

        /// <summary>The line of the header block the Received: header starts on, from 1.</summary>
        public int Line { get; }

        /// <summary>The Received: header's unfolded value.</summary>
        public string Raw { get; }

        /// <summary>The name the connecting server gave (HELO/EHLO): a claim.</summary>
        public string? Helo { get; }

        /// <summary>The reverse DNS name of the connecting address, when the receiver wrote one.</summary>
        public string? ReverseDns { get; }

        /// <summary>The connecting address from the TCP-info comment; null when the hop has none.</summary>
        /// <remarks>Made when first asked: a message's hops are many objects to keep, and few of their addresses are read.</remarks>
        public IPAddress? IPAddress => _ipAddress ??= _address?.ToIPAddress();

        public int? Port { get; }

        /// <summary>Whether the connecting address is in the EOP ranges.</summary>
        public bool IsEop => _answer?.Range != null;

        /// <summary>The most specific EOP range that contains the connecting address, or null.</summary>
        public EopIpRange? Range => _answer?.Range;

        /// <summary>The regional tables that contain the connecting address; empty when none.</summary>
        public EopList<EopRegion> Region => _answer?.Regions ?? EopList<EopRegion>.Empty;

        /// <summary>The receiving server, as it named itself.</summary>
        public string? By { get; }

        public string? Via { get; }

        /// <summary>The protocol (SMTP, ESMTPS, Microsoft SMTP Server, HTTPS, mapi, ...).</summary>
        public string? With { get; }

        public string? Id { get; }

        public string? For { get; }

        /// <summary>When the receiving server took the message, in UTC; null when the date is missing or unreadable.</summary>
        public DateTime? Time { get; }

        /// <summary>The time since the hop before; negative when the clocks (or the order) disagree, which <see cref="NegativeDelay"/> flags.</summary>
        public TimeSpan? Delay { get; }

        public bool NegativeDelay => Delay.HasValue && Delay.Value < TimeSpan.Zero;

        /// <summary>Whether the receiving server's name is one of Microsoft 365's mail hosts: a claim, see <see cref="IsConfirmedMicrosoft365"/>.</summary>
        public bool IsMicrosoft365 { get; }

        /// <summary>A Microsoft 365 hop that the chain confirms: the top hop, below another confirmed one, or handed on from an EOP address.</summary>
        public bool IsConfirmedMicrosoft365 { get; }

        /// <summary>Why the header could not be read whole; null when it was.</summary>
        public string? Problem { get; }

        public override string ToString()
        {
            string from = Helo ?? "?";
            if (IPAddress != null) from += " [" + IPAddress + "]";
            string text = "Hop " + Number.ToString(CultureInfo.InvariantCulture) + ": from " + from + " by " + (By ?? "?");
            return Problem == null ? text : text + " (" + Problem + ")";
        }
    }
}
