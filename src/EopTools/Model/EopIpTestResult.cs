using System;
using System.Collections.ObjectModel;
using System.Net;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools
{
    /// <summary>The answer for one address: is it EOP, which range, which regional tables.</summary>
    public sealed class EopIpTestResult
    {
        // Two references and nothing else: a million-line scan holds a million of these. The answer is shared between
        // addresses, and the address is read again from the input when asked for (the input is known to parse).
        private readonly EopAnswer _answer;

        internal EopIpTestResult(string input, EopAnswer answer)
        {
            Input = input;
            _answer = answer;
        }

        /// <summary>The text as given (or the address object's text).</summary>
        public string Input { get; }

        /// <summary>The normalised address: port and zone dropped, IPv4-mapped IPv6 as IPv4.</summary>
        public IPAddress IPAddress => Address.ToIPAddress();

        public bool IsEop => _answer.Range != null;

        /// <summary>The most specific matching range, or null.</summary>
        public EopIpRange? Range => _answer.Range;

        /// <summary>The regional tables that contain the address; empty when none.</summary>
        public ReadOnlyCollection<EopRegion> Region => _answer.Regions;

        public EopDataSet DataSet => _answer.DataSet;

        private IpAddressValue Address =>
            AddressInput.TryParse(Input, out IpAddressValue address, out string? error)
                ? address
                : throw new InvalidOperationException("The tested input '" + Input + "' no longer parses: " + error);

        public override string ToString() =>
            Range == null ? Address + " is not EOP" : Address + " is EOP (" + Range.Prefix + ")";
    }
}
