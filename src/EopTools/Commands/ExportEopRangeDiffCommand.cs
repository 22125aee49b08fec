using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using EopTools.AllowList;
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

        private AllowListInput _difference = null!;
        private bool _differenceGiven;

        /// <summary>The older version, from one file (a wildcard must name one). Without it and -Reference: the embedded seed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ReferencePath { get; set; }

        /// <summary>As -ReferencePath, taken as typed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ReferenceLiteralPath { get; set; }

        /// <summary>
        /// The older version as objects, compared only in the tables they include: EopIpRange objects, or any allow-list
        /// entry Compare-EopAllowList reads (strings, Exchange IPRange, firewall address filters), as the global list.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public object[]? Reference { get; set; }

        /// <summary>The newer version, from one file (a wildcard must name one). Without it and -Difference: the session's ranges.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DifferencePath { get; set; }

        /// <summary>As -DifferencePath, taken as typed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DifferenceLiteralPath { get; set; }

        /// <summary>The newer version as objects, as -Reference takes them, also from the pipeline.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public object[]? Difference { get; set; }

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
            if (Given(ReferencePath, ReferenceLiteralPath, Reference) > 1) ThrowConflict("Reference");
            if (Given(DifferencePath, DifferenceLiteralPath, null) > 1) ThrowConflict("Difference");
            _difference = new AllowListInput(this);
        }

        protected override void ProcessRecord()
        {
            if (Difference == null) return;
            _differenceGiven = true;
            foreach (object entry in Difference) _difference.Read(entry);
        }

        protected override void EndProcessing()
        {
            if (_differenceGiven && Given(DifferencePath, DifferenceLiteralPath, null) > 0) ThrowConflict("Difference");
            List<EopIpRange>? referenceRanges = Reference == null ? null : ObjectSide(Reference, "-Reference");
            List<EopIpRange>? differenceRanges = _differenceGiven ? ObjectSide(_difference, "-Difference") : null;
            if (referenceRanges != null && referenceRanges.Count == 0)
            {
                WriteError(new ErrorRecord(
                    new PSArgumentException("No range could be read from -Reference, so there is no reference to compare; nothing was compared or written."),
                    "NoRangesInReference", ErrorCategory.InvalidArgument, null));
                return;
            }
            bool piped = MyInvocation.ExpectingInput && Given(DifferencePath, DifferenceLiteralPath, null) == 0;
            if ((piped && differenceRanges == null) || (differenceRanges != null && differenceRanges.Count == 0))
            {
                // Input that gave no range: comparing the defaults, or nothing, instead would be a plausible, wrong record.
                WriteError(new ErrorRecord(
                    new PSArgumentException("No range came through the pipeline or -Difference, so there is no difference to compare; nothing was compared or written."),
                    "NoRangesFromPipeline", ErrorCategory.InvalidArgument, null));
                return;
            }
            string? outputPath = ParameterSetName == PipelineSet ? null : ResolveOutputPath();
            if (outputPath != null && System.IO.Directory.Exists(outputPath))
            {
                // Said before the format, which a folder's name cannot tell: the record needs a file name in it.
                ThrowTerminatingError(ErrorRecords.For(new OutputFileException("OutputPathIsFolder", "'" + outputPath +
                    "' is a folder; the record is written to a file: give its name, such as '" + System.IO.Path.Combine(outputPath, "eop-changes.md") + "'."), outputPath));
            }
            EopRangeDiffFormat format = outputPath == null ? default : OutputFormat(outputPath);

            // The defaults are loaded only when used; the session's ranges through RangeSource, which reports a bad cache.
            RangeData reference = ReadSide(ReferencePath, ReferenceLiteralPath, referenceRanges, "Reference", outputPath) ?? Default(EopSession.Seed, "reference");
            RangeData difference = ReadSide(DifferencePath, DifferenceLiteralPath, differenceRanges, "Difference", outputPath) ??
                Default(RangeSource.Session(this), "difference");
            DiffScope scope = DiffScope.Of(referenceRanges, differenceRanges);
            string? narrowed = scope.Describe();
            if (narrowed != null) WriteVerbose("Comparing only " + narrowed + ".");

            RangeDiffResult result = scope.Compare(reference, difference, IncludeUnchanged);
            Warnings.Write(this, result.Warnings);
            WriteVerbose("Compared " + result.Reference + " with " + result.Difference + ": " + result.Changes.Count + " changes.");

            if (outputPath == null)
            {
                WriteChanges(result);
                return;
            }
            if (!ShouldProcess(outputPath, "Write " + result.Changes.Count + " changes as " + format)) return;
            try
            {
                AtomicFile.Write(outputPath, writer => RangeDiffWriter.Write(writer, result, format, DateTime.UtcNow), NoClobber, Force);
            }
            catch (OutputFileException e)
            {
                ThrowTerminatingError(ErrorRecords.For(e, outputPath));
            }
            if (PassThru) WriteChanges(result);
        }

        /// <summary>With a Region in their view when either side has a regional table (see <see cref="RegionView"/>).</summary>
        private void WriteChanges(RangeDiffResult result)
        {
            if (!result.HasRegionalTables)
            {
                WriteObject(result.Changes, enumerateCollection: true);
                return;
            }
            foreach (EopRangeChange change in result.Changes) WriteObject(RegionView.WithRegion(change));
        }

        /// <summary>A side given as objects, read by the allow-list reader (each bad entry is its own error): EopIpRange objects as they are.</summary>
        private List<EopIpRange> ObjectSide(object[] entries, string parameter)
        {
            var input = new AllowListInput(this);
            foreach (object entry in entries) input.Read(entry);
            return ObjectSide(input, parameter);
        }

        private List<EopIpRange> ObjectSide(AllowListInput input, string parameter)
        {
            var warnings = new List<Diagnostic>();
            List<EopIpRange> ranges = AllowListRanges.ToRanges(input.Items, parameter, warnings);
            Warnings.Write(this, warnings);
            return ranges;
        }

        /// <summary>One side from its file or its objects; null when neither was given. Its file is never the output file.</summary>
        private RangeData? ReadSide(string[]? paths, string[]? literalPaths, IReadOnlyList<EopIpRange>? ranges, string side, string? outputPath)
        {
            if (ranges != null) return RangeDiff.FromRanges(ranges);
            if (paths == null && literalPaths == null) return null;
            bool literal = literalPaths != null;
            string parameter = side + (literal ? "LiteralPath" : "Path");
            string inputPath = InputFiles.ResolveOne(this, literal ? literalPaths! : paths!, literal, parameter);
            if (outputPath != null && SameFile(inputPath, outputPath))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new PSArgumentException("The output file '" + outputPath + "' is the " + side.ToLowerInvariant() + " (-" + parameter +
                        "); the record would replace one of its own inputs. Write it to another file."),
                    "OutputFileIsInput", ErrorCategory.InvalidArgument, outputPath));
            }
            return RangeSource.ResolvedFile(this, inputPath).Data;
        }

        private RangeData Default(RangeIndex index, string side)
        {
            WriteVerbose("The " + side + " is " + index.DataSet + ".");
            return index.Data;
        }

        private static int Given(object? path, object? literalPath, object? ranges) => (path != null ? 1 : 0) + (literalPath != null ? 1 : 0) + (ranges != null ? 1 : 0);

        /// <summary>The same path, as the file system compares names (without case on Windows).</summary>
        private static bool SameFile(string a, string b) =>
            string.Equals(System.IO.Path.GetFullPath(a), System.IO.Path.GetFullPath(b),
                System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

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
            if (InputFiles.IsFileSystem(provider)) return;
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
                new ArgumentException("Give the " + side.ToLowerInvariant() + " one way: -" + side + "Path, -" + side + "LiteralPath or -" + side +
                    (side == "Difference" ? " (or the pipeline)" : "") + ", not two of them."),
                side + "GivenTwice", ErrorCategory.InvalidArgument, null));
        }
    }
}
