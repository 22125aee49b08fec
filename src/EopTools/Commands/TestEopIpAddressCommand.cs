using System;
using System.Collections.Generic;
using System.Management.Automation;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Commands
{
    /// <summary>Test-EopIpAddress: is each address EOP, which range matched, which regional tables contain it.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "EopIpAddress", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(EopIpTestResult))]
    [OutputType(typeof(bool))]
    public sealed class TestEopIpAddressCommand : PSCmdlet
    {
        private static readonly object BoxedTrue = true;
        private static readonly object BoxedFalse = false;

        private const int BatchSize = 256;
        private const string SessionSet = "Session";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        // A piped $null binds as a null array, not as an array holding null: it is one input with no address.
        private static readonly object?[] NullInput = { null };

        private readonly IpAddressValue[] _addresses = new IpAddressValue[BatchSize];
        private readonly bool[] _parsed = new bool[BatchSize];
        private RangeIndex _index = null!;
        // An array, indexed: the per-record loop over the names then takes no interface enumerator.
        private string[] _propertyNames = AddressFields.InOrder;
        // The names a record has but whose values hold no address, gathered as they are met for the verbose message.
        private readonly List<string> _emptyProperties = new List<string>();

        /// <summary>
        /// Typed as object[] on purpose: string[] would bind any piped object through ToString(), and a custom type with
        /// Parse() costs more in the binder than the lookup itself. Objects are unwrapped here instead, and a piped
        /// record binds whole (by value), so that the result can carry it.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("OriginalClientIp", "original_client_ip", "original-client-ip", "ClientIp", "client_ip", "client-ip", "FromIP", "SenderIP", "c-ip", "remote-endpoint", "CIP", "IP")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public object?[] IPAddress { get; set; } = Array.Empty<object>();

        /// <summary>The properties to read the address from, in order, instead of the known names.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Property { get; set; }

        [Parameter]
        public EopRegion? Region { get; set; }

        /// <summary>Test against this file instead of the session's ranges; a wildcard must name one file.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>As -Path, taken as typed. Not bound from the pipeline, which carries the addresses.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>Write only $true or $false for each input.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            if (Property != null) _propertyNames = Property;
            _index = ParameterSetName == PathSet ? RangeSource.OneFile(this, Path, literal: false, "Path")
                : ParameterSetName == LiteralPathSet ? RangeSource.OneFile(this, LiteralPath, literal: true, "LiteralPath")
                : RangeSource.Session(this);
            if (Region.HasValue) RangeSource.RequireTable(this, _index, Region.Value);
        }

        protected override void ProcessRecord()
        {
            object?[] items = IPAddress ?? NullInput;
            for (int start = 0; start < items.Length; start += BatchSize)
            {
                int count = Math.Min(BatchSize, items.Length - start);
                // Parse a batch of strings before writing its results: the inputs are read in one sequential sweep
                // instead of between pipeline writes, which costs less memory traffic on long arrays. Bounded state.
                for (int i = 0; i < count; i++)
                {
                    _parsed[i] = items[start + i] is string text && AddressInput.TryParse(text, out _addresses[i], out _);
                }
                for (int i = 0; i < count; i++)
                {
                    object? item = items[start + i];
                    if (_parsed[i]) Answer(item!, string.Empty, (string)item!, _addresses[i]);
                    else TestItem(item);
                }
            }
        }

        private void TestItem(object? item)
        {
            object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
            switch (value)
            {
                // A log's "-" also failed the batch's parse; it is skipped, not parsed again.
                case string text when AddressInput.IsNoAddress(text):
                    NoAddress("Skipped an input with no address ('" + text + "').");
                    return;
                case string text:
                    TestText(text, item, property: null);
                    return;
                case System.Net.IPAddress address:
                    Answer(item!, string.Empty, address.ToString(), IpAddressValue.FromIPAddress(address));
                    return;
                case null:
                    NoAddress("Skipped an empty input.");
                    return;
            }
            TestRecord(item as PSObject ?? PSObject.AsPSObject(item));
        }

        /// <summary>The first property, in the order of <see cref="_propertyNames"/>, that holds an address.</summary>
        private void TestRecord(PSObject record)
        {
            var properties = new RecordProperties(record);
            if (TestProperties(record, properties)) return;
            // A custom object's known names were looked up among its own members; type data can add more.
            if (properties.OwnMembersOnly && TestProperties(record, properties.WithAllMembers())) return;
            if (Quiet) WriteObject(BoxedFalse);
            WriteError(new ErrorRecord(
                new ArgumentException("The input object has no address: it is not a string or IPAddress, and has none of the properties " +
                    string.Join(", ", _propertyNames) + "."),
                "InputObjectHasNoAddress", ErrorCategory.InvalidArgument, record));
        }

        /// <summary>Tests the first property that holds an address; false when the record has none of the names.</summary>
        private bool TestProperties(PSObject record, RecordProperties properties)
        {
            _emptyProperties.Clear();
            for (int i = 0; i < _propertyNames.Length; i++)
            {
                PSPropertyInfo? property = properties[_propertyNames[i]];
                if (property == null) continue;
                object? value = property.Value is PSObject wrapped ? wrapped.BaseObject : property.Value;
                switch (value)
                {
                    case string text when !AddressInput.IsNoAddress(text):
                        TestText(text, record, property.Name);
                        return true;
                    case System.Net.IPAddress address:
                        Answer(record, property.Name, address.ToString(), IpAddressValue.FromIPAddress(address));
                        return true;
                }
                _emptyProperties.Add(property.Name);
            }
            if (_emptyProperties.Count == 0) return false;
            NoAddress("Skipped an input whose properties " + string.Join(", ", _emptyProperties) + " hold no address (empty, '-', or neither text nor an IPAddress).");
            return true;
        }

        /// <summary>Tests text that the caller has found is not "no address" (<see cref="AddressInput.IsNoAddress"/>).</summary>
        /// <param name="original">The input item as it came (the record, or the string itself).</param>
        /// <param name="property">The property the text was read from; null for a string input.</param>
        private void TestText(string text, object? original, string? property)
        {
            if (AddressInput.TryParse(text, out IpAddressValue address, out string? error))
            {
                Answer(original!, property ?? string.Empty, text, address);
                return;
            }
            if (Quiet) WriteObject(BoxedFalse);
            string where = property == null ? string.Empty : " (property " + property + ")";
            WriteError(new ErrorRecord(
                new ArgumentException("'" + text + "'" + where + " is not a valid IP address: " + error + "."),
                "InvalidIPAddress", ErrorCategory.InvalidArgument, original));
        }

        /// <summary>An input with no address: skipped, or $false with -Quiet so that the answers line up with the inputs.</summary>
        private void NoAddress(string message)
        {
            WriteVerbose(message);
            if (Quiet) WriteObject(BoxedFalse);
        }

        private void Answer(object inputObject, string property, string text, IpAddressValue address)
        {
            EopAnswer answer = _index.Answer(address, Region);
            if (Quiet) WriteObject(answer.Range != null ? BoxedTrue : BoxedFalse);
            else WriteObject(new EopIpTestResult(inputObject, property, text, answer));
        }
    }
}
