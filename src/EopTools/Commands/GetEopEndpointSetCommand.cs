using System.Collections.Generic;
using System.Management.Automation;
using EopTools.Index;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Commands
{
    /// <summary>Get-EopEndpointSet: the Microsoft 365 endpoint sets of the web service's answer, filtered.</summary>
    [Cmdlet(VerbsCommon.Get, "EopEndpointSet", DefaultParameterSetName = SessionSet)]
    [OutputType(typeof(EopEndpointSet))]
    public sealed class GetEopEndpointSetCommand : PSCmdlet
    {
        private const string SessionSet = "Session";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private EndpointSetFilter _filter = null!;
        private bool _badAddress;

        /// <summary>Common, Exchange, SharePoint, Skype; wildcards allowed.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? ServiceArea { get; set; }

        [Parameter]
        [ValidateSet("Optimize", "Allow", "Default", IgnoreCase = true)]
        public string[]? Category { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public int[]? Id { get; set; }

        /// <summary>Sets that list any of these ports, over TCP or UDP, alone or in a range.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int[]? Port { get; set; }

        /// <summary>Sets whose IPs hold any of these addresses.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? IPAddress { get; set; }

        /// <summary>Sets with IPs of these families, each with only those IPs.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public IPAddressFamily[]? AddressFamily { get; set; }

        /// <summary>Files to read, each on its own; wildcards allowed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Files to read, each on its own, taken as typed; bound from Get-ChildItem's PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        protected override void BeginProcessing()
        {
            _filter = new EndpointSetFilter
            {
                ServiceAreas = ServiceArea == null ? null : EndpointSetFilter.Patterns(ServiceArea),
                Categories = Category,
                Ids = Id,
                Ports = Port,
                AddressFamilies = AddressFamily,
                Addresses = IPAddress == null ? null : Addresses(IPAddress),
            };
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == SessionSet || _badAddress) return;
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (InputFile file in InputFiles.Resolve(this, literal ? LiteralPath : Path, literal))
            {
                RangeIndex? index = RangeSource.EachFile(this, file);
                if (index != null) WriteSets(index, file.FullPath);
            }
        }

        protected override void EndProcessing()
        {
            // Piped input that bound to nothing has had its errors; the session's sets now would be a plausible wrong answer.
            if (ParameterSetName != SessionSet || MyInvocation.ExpectingInput || _badAddress) return;
            WriteSets(RangeSource.Session(this), null);
        }

        /// <summary>The addresses, parsed strictly; one that is not an address is an error, and then nothing is listed.</summary>
        private IpAddressValue[] Addresses(string[] texts)
        {
            var addresses = new List<IpAddressValue>();
            foreach (string text in texts)
            {
                if (AddressInput.TryParse(text, out IpAddressValue address, out string? error))
                {
                    addresses.Add(address);
                    continue;
                }
                // A filter that lost a value would list sets the admin did not ask for.
                _badAddress = true;
                WriteError(new ErrorRecord(new PSArgumentException("-IPAddress '" + text + "' is not a valid IP address: " + error + "; nothing is listed."),
                    "InvalidIPAddress", ErrorCategory.InvalidArgument, text));
            }
            return addresses.ToArray();
        }

        private void WriteSets(RangeIndex index, string? file)
        {
            IReadOnlyList<EopEndpointSet>? sets = index.Data.EndpointSets;
            if (sets == null)
            {
                WriteError(RangeSource.NoEndpointSets(index, (object?)file ?? index.DataSet));
                return;
            }
            // One at a time: enumerating a collection goes through PowerShell's dynamic binder, whose first use costs startup time.
            foreach (EopEndpointSet set in _filter.Select(sets, index.EndpointSets!)) WriteObject(set);
        }
    }
}
