using System;
using EopTools.Ranges;

namespace EopTools.Headers
{
    /// <summary>
    /// What one Received: header says, field by field; <see cref="Problem"/> says what could not be read. The names are
    /// kept as places in <see cref="Value"/> and made into strings on each read: a message's hops are kept (in a
    /// variable, by Group-Object) and most of their names are never read, so a hop holds its value and no other string.
    /// Read-only once parsed, so any thread may read it.
    /// </summary>
    internal struct ReceivedFields
    {
        public ReceivedFields(string value)
        {
            Value = value;
            FromPart = FromHostPart = HeloPart = AddressPart = ByPart = IdPart = ForPart = ViaPart = WithPart = Part.None;
            Address = null;
            Port = -1;
            Time = null;
            Problem = null;
        }

        /// <summary>The unfolded Received: value the parts are in.</summary>
        public string Value { get; }

        /// <summary>The name after "from": the HELO for most servers (qmail writes the reverse DNS name there).</summary>
        public string? From => FromPart.In(Value);

        /// <summary>The reverse DNS name from the TCP-info comment, when the server wrote one.</summary>
        public string? FromHost => FromHostPart.In(Value);

        /// <summary>The HELO named in the comment ("HELO x", "EHLO x", "helo=x"), when the server wrote it there.</summary>
        public string? Helo => HeloPart.In(Value);

        /// <summary>The connecting address as written.</summary>
        public string? AddressText => AddressPart.In(Value);

        public IpAddressValue? Address { get; set; }

        public int Port { get; set; }

        public string? By => ByPart.In(Value);

        /// <summary>The words of the via clauses, joined by one space.</summary>
        public string? Via => ViaPart.IsSet ? ReceivedParser.ClauseWords(Value, ViaPart, via: true) : null;

        /// <summary>The words of the with clauses ("Microsoft SMTP Server"), joined by one space.</summary>
        public string? With => WithPart.IsSet ? ReceivedParser.ClauseWords(Value, WithPart, via: false) : null;

        public string? Id => IdPart.In(Value);

        public string? For => ForPart.In(Value);

        public DateTime? Time { get; set; }

        public string? Problem { get; set; }

        internal Part FromPart { get; set; }

        internal Part FromHostPart { get; set; }

        internal Part HeloPart { get; set; }

        internal Part AddressPart { get; set; }

        internal Part ByPart { get; set; }

        internal Part IdPart { get; set; }

        internal Part ForPart { get; set; }

        /// <summary>From the first word of the via clauses to the end of the last: the words between that belong to them are read again.</summary>
        internal Part ViaPart { get; set; }

        internal Part WithPart { get; set; }

        /// <summary>Where a field is in the value: a start and an end; <see cref="None"/> when the header has no such field.</summary>
        internal readonly struct Part
        {
            public static readonly Part None = new Part(-1, -1);

            public Part(int start, int end)
            {
                Start = start;
                End = end;
            }

            public int Start { get; }

            public int End { get; }

            public bool IsSet => Start >= 0;

            public string? In(string value) => IsSet ? value.Substring(Start, End - Start) : null;
        }
    }
}
