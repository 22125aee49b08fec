using System.Management.Automation;
using EopTools.Diff;
using EopTools.Index;

namespace EopTools.Commands
{
    /// <summary>
    /// Compare-EopEndpointSet: what changed in the Microsoft 365 endpoint sets between two answers of the web service,
    /// set by set. Beside Export-EopRangeDiff rather than a switch of it: its changes are of another kind (a set and
    /// what changed in it, not a prefix of a table), only web service answers have sets, and it refuses unlike data
    /// where the EOP diff compares what both lists carry; Export-EopRangeDiff's record stays as it is.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "EopEndpointSet")]
    [OutputType(typeof(EopEndpointSetChange))]
    public sealed class CompareEopEndpointSetCommand : PSCmdlet
    {
        /// <summary>The older answer, from one file (a wildcard must name one).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? ReferencePath { get; set; }

        /// <summary>As -ReferencePath, taken as typed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ReferenceLiteralPath { get; set; }

        /// <summary>The newer answer, from one file. Without it and -DifferenceLiteralPath: the session's data.</summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[]? DifferencePath { get; set; }

        /// <summary>As -DifferencePath, taken as typed.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? DifferenceLiteralPath { get; set; }

        /// <summary>Compare the IPv4 part only: the consent to compare an answer without IPv6 with one that has it.</summary>
        [Parameter]
        public SwitchParameter IPv4Only { get; set; }

        protected override void EndProcessing()
        {
            if (ReferencePath == null && ReferenceLiteralPath == null)
            {
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Give the older answer with -ReferencePath or -ReferenceLiteralPath."),
                    "ReferenceMissing", ErrorCategory.InvalidArgument, null));
            }
            if (ReferencePath != null && ReferenceLiteralPath != null) ThrowConflict("Reference");
            if (DifferencePath != null && DifferenceLiteralPath != null) ThrowConflict("Difference");
            RangeIndex reference = Side(ReferencePath, ReferenceLiteralPath, "Reference")!;
            RangeIndex difference = Side(DifferencePath, DifferenceLiteralPath, "Difference") ?? RangeSource.Session(this);
            foreach (RangeIndex side in new[] { reference, difference })
            {
                if (side.Data.EndpointSets == null) ThrowTerminatingError(RangeSource.NoEndpointSets(side, side.DataSet));
            }
            try
            {
                WriteObject(EndpointSetDiff.Compare(reference.Data, difference.Data, IPv4Only), enumerateCollection: true);
            }
            catch (EndpointSetDiffException e)
            {
                ThrowTerminatingError(new ErrorRecord(e, e.ErrorId, ErrorCategory.InvalidData, difference.DataSet));
            }
        }

        private RangeIndex? Side(string[]? paths, string[]? literalPaths, string side)
        {
            if (paths == null && literalPaths == null) return null;
            bool literal = literalPaths != null;
            return RangeSource.OneFile(this, literal ? literalPaths! : paths!, literal, side + (literal ? "LiteralPath" : "Path"));
        }

        private void ThrowConflict(string side) =>
            ThrowTerminatingError(new ErrorRecord(
                new PSArgumentException("Give the " + side.ToLowerInvariant() + " one way: -" + side + "Path or -" + side + "LiteralPath, not both."),
                side + "GivenTwice", ErrorCategory.InvalidArgument, null));
    }
}
