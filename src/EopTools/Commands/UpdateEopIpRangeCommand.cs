using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using EopTools.Completers;
using EopTools.Index;
using EopTools.IO;
using EopTools.Parsing;
using EopTools.Sources;
using EopTools.Update;

namespace EopTools.Commands
{
    /// <summary>Update-EopIpRange: current ranges from the Microsoft 365 web service (or a file), cached safely.</summary>
    [Cmdlet(VerbsData.Update, "EopIpRange", SupportsShouldProcess = true, DefaultParameterSetName = OnlineSet)]
    [OutputType(typeof(EopRangeUpdate))]
    public sealed class UpdateEopIpRangeCommand : PSCmdlet, IDisposable
    {
        private const string OnlineSet = "Online";
        private const string FileSet = "Path";
        private const string LiteralFileSet = "LiteralPath";

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(InstanceCompleter))]
        [ValidateNotNullOrEmpty]
        public string Instance { get; set; } = "Worldwide";

        /// <summary>The web service's base address; HTTPS, or HTTP on a loopback host.</summary>
        [Parameter(ParameterSetName = OnlineSet)]
        [ValidateNotNull]
        public Uri Uri { get; set; } = new Uri(EndpointsWebService.DefaultBaseUri);

        /// <summary>Import this file instead of asking the web service; a wildcard must name one file.</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>As -Path, taken as typed; bound from Get-ChildItem's PSPath.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralFileSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>
        /// Download even when the cached version is current; use data older than the cache's, or without an address
        /// family the cache has (refused without it as OlderRangeData and AddressFamilyLost).
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter(ParameterSetName = OnlineSet)]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 60;

        /// <summary>The proxy every request goes through; without it, the system proxy (if any) is used.</summary>
        [Parameter(ParameterSetName = OnlineSet)]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>The user name and password the proxy asks for.</summary>
        [Parameter(ParameterSetName = OnlineSet)]
        [Credential]
        [ValidateNotNull]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Signs in to the proxy as the current user (Windows: Kerberos or NTLM).</summary>
        [Parameter(ParameterSetName = OnlineSet)]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        private readonly List<string> _paths = new List<string>();

        protected override void ProcessRecord()
        {
            if (ParameterSetName != OnlineSet) _paths.AddRange(ParameterSetName == FileSet ? Path : LiteralPath);
        }

        protected override void EndProcessing()
        {
            // Piped input that bound to nothing has had its errors; going online instead is not what was asked.
            if (ParameterSetName == OnlineSet && MyInvocation.ExpectingInput) return;
            string? file = ParameterSetName == OnlineSet ? null
                : InputFiles.ResolveOne(this, _paths.ToArray(), ParameterSetName == LiteralFileSet, ParameterSetName == FileSet ? "Path" : "LiteralPath");
            EopInstance instance = InstanceParameter.Resolve(this, Instance);
            var warnings = new List<Diagnostic>();
            CacheStore cache = CacheStore.ForCurrentUser(warnings);
            WriteVerbose("Cache folder: " + cache.Directory);
            RangeUpdateOutcome? outcome;
            try
            {
                outcome = file != null
                    ? RangeUpdater.Import(cache, instance, file, Force, DateTime.UtcNow, Confirm, warnings)
                    : RangeUpdater.Update(cache, instance, Uri, ChosenProxy(), Force, TimeSpan.FromSeconds(TimeoutSec), DateTime.UtcNow, Confirm, warnings, _stopping.Token);
            }
            catch (WebServiceException e)
            {
                Warnings.Write(this, warnings);
                ThrowTerminatingError(ErrorRecords.For(e, EndpointsWebService.Describe(Uri)));
                return;
            }
            catch (OutputFileException e)
            {
                Warnings.Write(this, warnings);
                ThrowTerminatingError(ErrorRecords.For(e, cache.Directory));
                return;
            }
            catch (RangeDataException e)
            {
                Warnings.Write(this, warnings);
                ThrowTerminatingError(ErrorRecords.For(e, file));
                return;
            }
            catch (UpdateRefusedException e)
            {
                Warnings.Write(this, warnings);
                ThrowTerminatingError(ErrorRecords.For(e, file ?? (object)EndpointsWebService.Describe(Uri)));
                return;
            }
            Warnings.Write(this, warnings);
            if (outcome == null) return;
            EopSession.Replace(outcome.Data, instance);
            WriteObject(outcome.Report);
        }

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose() => _stopping.Dispose();

        private ProxySettings ChosenProxy() =>
            new ProxySettings(Proxy, ProxyCredential?.GetNetworkCredential(), ProxyUseDefaultCredentials, System.Net.WebRequest.DefaultWebProxy);

        private bool Confirm(string target, string action) => ShouldProcess(target, action);
    }
}
