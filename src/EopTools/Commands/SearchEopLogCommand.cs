using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using EopTools.Completers;
using EopTools.Index;
using EopTools.IO;
using EopTools.Logs;
using EopTools.Ranges;

namespace EopTools.Commands
{
    /// <summary>
    /// Search-EopLog: reads Exchange protocol and message tracking logs, IIS logs and message trace exports itself,
    /// streaming, and answers each line's address from the session's ranges: per line, or one summary per address.
    /// </summary>
    [Cmdlet(VerbsCommon.Search, "EopLog", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(EopLogRecord))]
    [OutputType(typeof(EopLogSummary))]
    public sealed class SearchEopLogCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private static readonly TimeSpan ProgressAfter = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
        private const int ProgressCheckEvery = 1024;

        private readonly List<string> _files = new List<string>();
        private long _totalBytes;
        private LogSearch? _search;

        /// <summary>The log files; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The log files, taken as written; binds the PSPath of Get-ChildItem's files.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>The address fields to read, in order; the first with a value on a line wins.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Field { get; set; }

        /// <summary>The columns of files that have no header of their own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Header { get; set; }

        /// <summary>Only the lines from this time on (a local time unless it says otherwise, as Get-MessageTrackingLog takes it).</summary>
        [Parameter]
        public DateTime? Start { get; set; }

        /// <summary>Only the lines before this time.</summary>
        [Parameter]
        public DateTime? End { get; set; }

        /// <summary>
        /// The culture the files write times in (a CSV exported on a server set to it), instead of the session's culture
        /// and the invariant culture; ISO 8601 is always read.
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(CultureCompleter))]
        public CultureInfo? Culture { get; set; }

        /// <summary>Only the lines (or addresses) in the EOP ranges.</summary>
        [Parameter]
        public SwitchParameter Eop { get; set; }

        /// <summary>Only the lines (or addresses) outside the EOP ranges.</summary>
        [Parameter]
        public SwitchParameter NotEop { get; set; }

        /// <summary>One object per distinct address instead of one per line.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        /// <summary>How many files are read at once.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = Environment.ProcessorCount;

        protected override void BeginProcessing()
        {
            if (Eop && NotEop)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-Eop and -NotEop each keep one side; give one of them, or neither for both."),
                    "EopAndNotEopTogether", ErrorCategory.InvalidArgument, null));
            }
            if (Start.HasValue && End.HasValue && Start.Value.ToUniversalTime() >= End.Value.ToUniversalTime())
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-Start (" + Start.Value.ToString("o", CultureInfo.InvariantCulture) + ") is not before -End (" +
                        End.Value.ToString("o", CultureInfo.InvariantCulture) + "): no line could be kept."),
                    "StartNotBeforeEnd", ErrorCategory.InvalidArgument, Start.Value));
            }
        }

        protected override void ProcessRecord()
        {
            bool literal = ParameterSetName == LiteralPathSet;
            foreach (InputFile file in InputFiles.Resolve(this, literal ? LiteralPath : Path, literal, "Log"))
            {
                if (file.Error != null) WriteError(file.Error);
                else AddFile(file.FullPath!);
            }
        }

        protected override void EndProcessing()
        {
            if (_files.Count == 0) return;
            RangeIndex index = RangeSource.Session(this);
            // Log times are UTC; a time given without a kind is local, as Get-Date and Get-MessageTrackingLog take it.
            var options = new LogReadOptions(Field, Header, Eop ? LogSide.Eop : NotEop ? LogSide.NotEop : LogSide.Both,
                Start?.ToUniversalTime(), End?.ToUniversalTime(), new LogTimeCultures(Culture, CultureInfo.CurrentCulture));
            var watch = Stopwatch.StartNew();
            var progress = new ProgressRecord(1, "Search-EopLog", "Reading " + _files.Count + " files");
            bool progressShown = false;
            TimeSpan lastProgress = TimeSpan.Zero;
            using (var search = new LogSearch(_files, options, index, Summary, _totalBytes))
            {
                _search = search;
                search.Start(ThrottleLimit);
                int sinceProgressCheck = 0;
                foreach (object? item in search.Results(Tick))
                {
                    if (item is EopLogRecord record) WriteObject(record);
                    else if (item is LogMessage message) Write(message);
                    // Reading the clock costs as much as writing a record: look at it once per thousand items or per wait.
                    if (item != null && ++sinceProgressCheck < ProgressCheckEvery) continue;
                    sinceProgressCheck = 0;
                    if (watch.Elapsed < ProgressAfter || watch.Elapsed - lastProgress < Tick) continue;
                    lastProgress = watch.Elapsed;
                    progressShown = true;
                    ShowProgress(progress, search.Progress);
                }
                if (progressShown)
                {
                    progress.RecordType = ProgressRecordType.Completed;
                    WriteProgress(progress);
                }
                WriteTotals(search.Counts);
                if (search.Summary != null) WriteSummary(search.Summary);
            }
        }

        protected override void StopProcessing() => _search?.Cancel();

        private void AddFile(string file)
        {
            long size = 0;
            try
            {
                size = LogSearch.Access.Check(file);
            }
            catch (InputFileException e) when (e.ErrorId == "LogPathIsFolder")
            {
                WriteError(ErrorRecords.For(e, file));
                return;
            }
            catch (InputFileException)
            {
                // A missing or empty file, a device or a pipe is reported when its turn comes, in order with the others' output.
            }
            _files.Add(file);
            _totalBytes += Math.Max(size, 0);
        }

        private void Write(LogMessage message)
        {
            switch (message.Kind)
            {
                case LogMessageKind.Verbose:
                    WriteVerbose(message.Text);
                    break;
                case LogMessageKind.Warning:
                    Warnings.Write(this, message.Warning!);
                    break;
                default:
                    WriteError(ErrorRecords.For(message.Error!, message.Path));
                    break;
            }
        }

        private void ShowProgress(ProgressRecord progress, LogProgress bytes)
        {
            long total = Math.Max(bytes.TotalBytes, 1);
            long read = Math.Min(bytes.BytesRead, total);
            progress.PercentComplete = (int)(read * 100 / total);
            progress.StatusDescription = string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "{0:N0} of {1:N0} MB in {2} files", read >> 20, total >> 20, _files.Count);
            WriteProgress(progress);
        }

        private void WriteTotals(List<LogFileCounts> files)
        {
            long lines = 0, answered = 0, eop = 0;
            foreach (LogFileCounts counts in files)
            {
                lines += counts.Lines;
                answered += counts.Answered;
                eop += counts.Eop;
            }
            WriteVerbose("Read " + files.Count + " files: " + lines + " lines, " + answered + " with an address (" + eop + " EOP, " + (answered - eop) + " not EOP).");
        }

        private void WriteSummary(LogSummaryBuilder summary)
        {
            foreach (EopLogSummary row in LogSummaryRows.Of(summary, _files)) WriteObject(row);
        }
    }
}
