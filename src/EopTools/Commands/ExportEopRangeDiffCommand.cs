using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using EopTools.Diff;
using EopTools.IO;
using EopTools.Index;
using EopTools.Parsing;

namespace EopTools.Commands
{
    /// <summary>
    /// Export-EopRangeDiff: what changed between two versions of the ranges, per table, with the exact addresses to
    /// open and close; written to the pipeline, or to a CSV, JSON or Markdown file as Export-Csv writes files.
    /// </summary>
    [Cmdlet(VerbsData.Export, "EopRangeDiff", SupportsShouldProcess = true, DefaultParameterSetName = PipelineSet)]
    [OutputType(typeof(EopRangeChange))]
    public sealed class ExportEopRangeDiffCommand : PSCmdlet
    {
        private const string PipelineSet = "Pipeline";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private readonly List<EopIpRange> _difference = new List<EopIpRange>();
        private bool _differenceGiven;

        /// <summary>The older version, from a file. Without it and -Reference: the embedded seed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ReferencePath { get; set; }

        /// <summary>The older version, as ranges (compared only in the tables they include).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public EopIpRange[]? Reference { get; set; }

        /// <summary>The newer version, from a file. Without it and -Difference: the session's ranges.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? DifferencePath { get; set; }

        /// <summary>The newer version, as ranges, also from the pipeline (compared only in the tables they include).</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public EopIpRange[]? Difference { get; set; }

        /// <summary>The file to write; a wildcard must name one existing file.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>The file to write, taken as written.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = null!;

        /// <summary>Csv, Json or Markdown; by default from the file's extension (.csv, .json, .md, .markdown).</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        public EopRangeDiffFormat? Format { get; set; }

        /// <summary>Also write the changes to the pipeline.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Do not replace an existing file (the error OutputFileExists).</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Replace a read-only file (it stays read-only).</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        public SwitchParameter Force { get; set; }

        /// <summary>Also report the prefixes both versions have.</summary>
        [Parameter]
        public SwitchParameter IncludeUnchanged { get; set; }

        protected override void BeginProcessing()
        {
            if (ReferencePath != null && Reference != null) ThrowConflict("Reference");
        }

        protected override void ProcessRecord()
        {
            if (Difference == null) return;
            _differenceGiven = true;
            _difference.AddRange(Difference);
        }

        protected override void EndProcessing()
        {
            if (_differenceGiven && DifferencePath != null) ThrowConflict("Difference");
            string? outputPath = ParameterSetName == PipelineSet ? null : ResolveOutputPath();
            EopRangeDiffFormat format = outputPath == null ? default : OutputFormat(outputPath);

            // The defaults are loaded only when used; the session's ranges through RangeSource, which reports a bad cache.
            RangeData reference = ReadSide(ReferencePath, Reference, () => EopSession.Seed, "reference");
            RangeData difference = ReadSide(DifferencePath, _differenceGiven ? _difference : null, () => RangeSource.Resolve(this, null), "difference");
            DiffScope scope = DiffScope.Of(Reference, _differenceGiven ? _difference : null);
            string? narrowed = scope.Describe();
            if (narrowed != null) WriteVerbose("Comparing only " + narrowed + ".");

            RangeDiffResult result = scope.Compare(reference, difference, IncludeUnchanged);
            foreach (string warning in result.Warnings) WriteWarning(warning);
            WriteVerbose("Compared " + result.Reference + " with " + result.Difference + ": " + result.Changes.Count + " changes.");

            if (outputPath == null)
            {
                WriteObject(result.Changes, enumerateCollection: true);
                return;
            }
            if (!ShouldProcess(outputPath, "Write " + result.Changes.Count + " changes as " + format)) return;
            try
            {
                AtomicFile.Write(outputPath, writer => RangeDiffWriter.Write(writer, result, format), NoClobber, Force);
            }
            catch (OutputFileException e)
            {
                ThrowTerminatingError(ErrorRecords.For(e, outputPath));
            }
            if (PassThru) WriteObject(result.Changes, enumerateCollection: true);
        }

        private RangeData ReadSide(string? path, IReadOnlyList<EopIpRange>? ranges, Func<RangeIndex> fallback, string side)
        {
            if (path != null) return RangeSource.Resolve(this, path).Data;
            if (ranges != null) return RangeDiff.FromRanges(ranges);
            RangeIndex index = fallback();
            WriteVerbose("The " + side + " is " + index.DataSet + ".");
            return index.Data;
        }

        /// <summary>As Export-Csv: -LiteralPath as written; -Path resolved when it names an existing file, else taken as the new file's path.</summary>
        private string ResolveOutputPath()
        {
            string path = ParameterSetName == LiteralPathSet ? LiteralPath : Path;
            ProviderInfo? provider = null;
            if (ParameterSetName == PathSet && WildcardPattern.ContainsWildcardCharacters(path))
            {
                Collection<string>? matches = null;
                try
                {
                    matches = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo matched);
                    provider = matched;
                }
                catch (ItemNotFoundException)
                {
                }
                if (matches != null && matches.Count > 1)
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException("The path '" + path + "' names " + matches.Count + " files; give one file."),
                        "OutputPathAmbiguous", ErrorCategory.InvalidArgument, path));
                }
                if (matches != null && matches.Count == 1)
                {
                    RequireFileSystem(provider!, path);
                    return matches[0];
                }
            }
            string resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo target, out _);
            RequireFileSystem(target, path);
            return resolved;
        }

        private void RequireFileSystem(ProviderInfo provider, string path)
        {
            if (provider.ImplementingType == typeof(Microsoft.PowerShell.Commands.FileSystemProvider)) return;
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("The path '" + path + "' is on the " + provider.Name + " provider; the output must be a file."),
                "OutputPathNotFileSystem", ErrorCategory.InvalidArgument, path));
        }

        private EopRangeDiffFormat OutputFormat(string path)
        {
            if (Format.HasValue) return Format.Value;
            if (RangeDiffWriter.TryInferFormat(path, out EopRangeDiffFormat format)) return format;
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("The format of '" + path + "' cannot be told from its extension; name it .csv, .json or .md, or use -Format."),
                "OutputFormatUnknown", ErrorCategory.InvalidArgument, path));
            throw new InvalidOperationException("unreachable");
        }

        private void ThrowConflict(string side)
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("Give the " + side.ToLowerInvariant() + " either with -" + side + "Path or with -" + side + " (or the pipeline), not both."),
                side + "GivenTwice", ErrorCategory.InvalidArgument, null));
        }
    }
}
