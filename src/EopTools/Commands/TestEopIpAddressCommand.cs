using System;
using System.Management.Automation;
using System.Net;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Commands
{
    /// <summary>Test-EopIpAddress: is each address EOP, which range matched, which regional tables contain it.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "EopIpAddress")]
    [OutputType(typeof(EopIpTestResult))]
    [OutputType(typeof(bool))]
    public sealed class TestEopIpAddressCommand : PSCmdlet
    {
        /// <summary>Property names that Exchange cmdlets, message trace reports and log files use for the address.</summary>
        internal static readonly string[] AddressPropertyNames =
        {
            "IPAddress", "ClientIp", "OriginalClientIp", "FromIP", "client_ip", "original_client_ip", "c-ip", "remote-endpoint", "CIP", "IP",
        };

        private static readonly object BoxedTrue = true;
        private static readonly object BoxedFalse = false;

        private const int BatchSize = 256;

        private readonly IpAddressValue[] _addresses = new IpAddressValue[BatchSize];
        private readonly bool[] _parsed = new bool[BatchSize];
        private RangeIndex _index = null!;

        /// <summary>
        /// Typed as object[] on purpose: string[] would bind any piped object through ToString(), and a custom type with
        /// Parse() costs more in the binder than the lookup itself. Objects are unwrapped here instead.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ClientIp", "OriginalClientIp", "FromIP", "client_ip", "original_client_ip", "c-ip", "remote-endpoint", "CIP", "IP")]
        [AllowNull]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public object?[] IPAddress { get; set; } = Array.Empty<object>();

        [Parameter]
        public EopRegion? Region { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>Write only $true or $false for each input.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            _index = RangeSource.Resolve(this, Path);
            if (Region.HasValue) RangeSource.RequireTable(this, _index, Region.Value);
        }

        protected override void ProcessRecord()
        {
            object?[] items = IPAddress;
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
                    if (_parsed[i]) Answer((string)item!, _addresses[i]);
                    else TestItem(item, item);
                }
            }
        }

        private void TestItem(object? item, object? original)
        {
            object? value = item is PSObject wrapped ? wrapped.BaseObject : item;
            switch (value)
            {
                case string text:
                    TestText(text, original);
                    return;
                case System.Net.IPAddress address:
                    Answer(address.ToString(), IpAddressValue.FromIPAddress(address));
                    return;
                case null:
                    WriteVerbose("Skipped an empty input.");
                    return;
            }

            PSObject properties = item as PSObject ?? PSObject.AsPSObject(item);
            foreach (string name in AddressPropertyNames)
            {
                PSPropertyInfo? property = properties.Properties[name];
                if (property == null) continue;
                object? propertyValue = property.Value;
                if (propertyValue is PSObject || propertyValue is string || propertyValue is System.Net.IPAddress || propertyValue == null)
                {
                    TestItem(propertyValue, original);
                    return;
                }
            }
            WriteError(new ErrorRecord(
                new ArgumentException("The input object has no address: it is not a string or IPAddress, and has none of the properties " +
                    string.Join(", ", AddressPropertyNames) + "."),
                "InputObjectHasNoAddress", ErrorCategory.InvalidArgument, original));
        }

        private void TestText(string text, object? original)
        {
            // First: a log's "-" also failed the batch's parse, and needs no second one.
            if (AddressInput.IsNoAddress(text))
            {
                WriteVerbose("Skipped an input with no address ('" + text + "').");
                return;
            }
            if (AddressInput.TryParse(text, out IpAddressValue address, out string? error))
            {
                Answer(text, address);
                return;
            }
            WriteError(new ErrorRecord(
                new ArgumentException("'" + text + "' is not a valid IP address: " + error + "."),
                "InvalidIPAddress", ErrorCategory.InvalidArgument, original));
        }

        private void Answer(string input, IpAddressValue address)
        {
            EopAnswer answer = _index.Answer(address, Region);
            if (Quiet) WriteObject(answer.Range != null ? BoxedTrue : BoxedFalse);
            else WriteObject(new EopIpTestResult(input, answer));
        }
    }
}
