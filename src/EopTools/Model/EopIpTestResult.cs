using System.Collections.ObjectModel;
using System.Net;
using EopTools.Ranges;

namespace EopTools
{
    /// <summary>The answer for one address: is it EOP, which range, which regional tables.</summary>
    public sealed class EopIpTestResult
    {
        private readonly IpAddressValue _address;
        private IPAddress? _ipAddress;

        internal EopIpTestResult(string input, IpAddressValue address, EopIpRange? range, ReadOnlyCollection<EopRegion> region, EopDataSet dataSet)
        {
            Input = input;
            _address = address;
            Range = range;
            Region = region;
            DataSet = dataSet;
        }

        /// <summary>The text as given (or the address object's text).</summary>
        public string Input { get; }

        /// <summary>The normalised address: port and zone dropped, IPv4-mapped IPv6 as IPv4.</summary>
        /// <remarks>Created on first read: a million-line scan that only counts IsEop never pays for it.</remarks>
        public IPAddress IPAddress => _ipAddress ?? (_ipAddress = _address.ToIPAddress());

        public bool IsEop => Range != null;

        /// <summary>The most specific matching range, or null.</summary>
        public EopIpRange? Range { get; }

        /// <summary>The regional tables that contain the address; empty when none.</summary>
        public ReadOnlyCollection<EopRegion> Region { get; }

        public EopDataSet DataSet { get; }

        public override string ToString() =>
            Range == null ? _address + " is not EOP" : _address + " is EOP (" + Range.Prefix + ")";
    }
}
