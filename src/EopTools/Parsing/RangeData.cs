using System.Collections.Generic;

namespace EopTools.Parsing
{
    /// <summary>What one source yielded: the data set, its ranges in source order, and what was skipped.</summary>
    public sealed class RangeData
    {
        public RangeData(EopDataSet dataSet, IReadOnlyList<EopIpRange> ranges, IReadOnlyList<ParseDiagnostic> diagnostics)
        {
            DataSet = dataSet;
            Ranges = ranges;
            Diagnostics = diagnostics;
        }

        public EopDataSet DataSet { get; }

        public IReadOnlyList<EopIpRange> Ranges { get; }

        public IReadOnlyList<ParseDiagnostic> Diagnostics { get; }
    }
}
