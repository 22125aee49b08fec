using System;
using System.Net;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools
{
    /// <summary>The answer for one address: is it EOP, which range, which regional tables; and the record it came from.</summary>
    public sealed class EopIpTestResult
    {
        // Two references and nothing else: a million-line scan holds a million of these. The answer is shared between
        // addresses; the input is the string itself for a plain string (nothing more to keep), else a Record; and the
        // address is read again from the input text when asked for (the text is known to parse).
        private readonly object _input;
        private readonly EopAnswer _answer;

        /// <param name="inputObject">The input as it came in: the record, the string itself, or the address object.</param>
        /// <param name="property">The property the text was read from; empty for a string or an address object.</param>
        /// <param name="text">The address text tested.</param>
        /// <param name="answer">The index's answer for the address.</param>
        internal EopIpTestResult(object inputObject, string property, string text, EopAnswer answer)
        {
            _input = ReferenceEquals(inputObject, text) && property.Length == 0 ? text : new Record(inputObject, property, text);
            _answer = answer;
        }

        /// <summary>The address text as given: the string, the property's value, or the address object's text.</summary>
        public string Input => _input as string ?? ((Record)_input).Text;

        /// <summary>The input exactly as it came in (the same object): the record, the string or the address object.</summary>
        public object InputObject => _input is Record record ? record.InputObject : _input;

        /// <summary>The name of the property that held the address; empty for a string or an IPAddress.</summary>
        public string Property => _input is Record record ? record.Property : string.Empty;

        /// <summary>The normalised address: port and zone dropped, IPv4-mapped IPv6 as IPv4.</summary>
        public IPAddress IPAddress => Address.ToIPAddress();

        public bool IsEop => _answer.Range != null;

        /// <summary>The most specific matching range, or null.</summary>
        public EopIpRange? Range => _answer.Range;

        /// <summary>The regional tables that contain the address; empty when none.</summary>
        public EopList<EopRegion> Region => _answer.Regions;

        public EopDataSet DataSet => _answer.DataSet;

        /// <summary>
        /// The Microsoft 365 endpoint sets whose IPs contain the address, Optimize then Allow then Default, each by id,
        /// with the prefix that matched: an address that is not EOP may still be Exchange Online's own (set 1). Empty
        /// when no set contains it; null when the data carries no endpoint sets (the docs page, a plain list, the
        /// retired XML). Looked up when read, so results that are never asked cost nothing more.
        /// </summary>
        public EopList<EopEndpointSetMatch>? EndpointSets => _answer.EndpointSets?.Find(Address);

        /// <summary>
        /// For an address the session's ranges do not hold: the range that held it in older data the module keeps (the
        /// cache's previous data, then the embedded 2018 page), with which data and its date; null when none did, for an
        /// EOP address, and when the session answers from the embedded page or the ranges come from -Path. Looked up when read.
        /// </summary>
        public EopFormerRange? FormerRange => _answer.Former?.Find(Address);

        private IpAddressValue Address =>
            AddressInput.TryParse(Input, out IpAddressValue address, out string? error)
                ? address
                : throw new InvalidOperationException("The tested input '" + Input + "' no longer parses: " + error);

        public override string ToString()
        {
            if (Range != null) return Address + " is EOP (" + Range.Prefix + ")";
            string text = Address + " is not EOP" + EopFormerRange.AfterNotEop(FormerRange);
            EopList<EopEndpointSetMatch>? sets = EndpointSets;
            if (sets == null || sets.Count == 0) return text;
            var ids = new string[sets.Count];
            for (int i = 0; i < ids.Length; i++) ids[i] = sets[i].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return text + "; it is in Microsoft 365 endpoint sets " + string.Join(", ", ids);
        }

        private sealed class Record
        {
            public Record(object inputObject, string property, string text)
            {
                InputObject = inputObject;
                Property = property;
                Text = text;
            }

            public object InputObject { get; }

            public string Property { get; }

            public string Text { get; }
        }
    }
}
