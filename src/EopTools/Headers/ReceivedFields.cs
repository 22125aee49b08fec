using System;
using EopTools.Ranges;

namespace EopTools.Headers
{
    /// <summary>What one Received: header says, field by field; <see cref="Problem"/> says what could not be read.</summary>
    internal sealed class ReceivedFields
    {
        /// <summary>The name after "from": the HELO for most servers (qmail writes the reverse DNS name there).</summary>
        public string? From { get; set; }

        /// <summary>The reverse DNS name from the TCP-info comment, when the server wrote one.</summary>
        public string? FromHost { get; set; }

        /// <summary>The HELO named in the comment ("HELO x", "EHLO x", "helo=x"), when the server wrote it there.</summary>
        public string? Helo { get; set; }

        /// <summary>The connecting address as written, and parsed.</summary>
        public string? AddressText { get; set; }

        public IpAddressValue? Address { get; set; }

        public int Port { get; set; } = -1;

        public string? By { get; set; }

        public string? Via { get; set; }

        public string? With { get; set; }

        public string? Id { get; set; }

        public string? For { get; set; }

        public DateTime? Time { get; set; }

        public string? Problem { get; set; }
    }
}
