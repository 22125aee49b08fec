using System.Management.Automation;
using EopTools.Index;
using EopTools.Logs;

namespace EopTools.Commands
{
    /// <summary>
    /// Merge-EopLogSummary: Search-EopLog -Summary rows of several runs (servers through Invoke-Command, jobs, days
    /// saved with Export-Clixml) merged into the summary one run over all their files gives. A cmdlet of its own, not
    /// a parameter of Search-EopLog: the rows come from anywhere in the pipeline, and reading files is not its part.
    /// </summary>
    [Cmdlet(VerbsData.Merge, "EopLogSummary")]
    [OutputType(typeof(EopLogSummary))]
    public sealed class MergeEopLogSummaryCommand : PSCmdlet
    {
        private readonly LogSummaryMerge _merge = new LogSummaryMerge();

        /// <summary>The rows of Search-EopLog -Summary, live or deserialized.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        public PSObject[] InputObject { get; set; } = new PSObject[0];

        protected override void ProcessRecord()
        {
            foreach (PSObject input in InputObject)
            {
                if (input == null) continue;
                LogSummaryRow? row = LogSummaryInput.Read(input, out string? problem);
                if (row != null)
                {
                    _merge.Add(row);
                    continue;
                }
                WriteError(new ErrorRecord(new PSArgumentException("The input is not a row of Search-EopLog -Summary: " + problem + "."),
                    "NotALogSummaryRow", ErrorCategory.InvalidData, input));
            }
        }

        protected override void EndProcessing()
        {
            if (_merge.Count == 0) return;
            RangeIndex index = RangeSource.Session(this);
            foreach (EopLogSummary row in _merge.Rows(index)) WriteObject(row);
        }
    }
}
