using System.Collections.Generic;

namespace EopTools.Parsing
{
    /// <summary>What one source yielded: the data set, its ranges in source order, its endpoint sets, and what was skipped.</summary>
    internal sealed class RangeData
    {
        public RangeData(EopDataSet dataSet, IReadOnlyList<EopIpRange> ranges, IReadOnlyList<Diagnostic> diagnostics,
            IReadOnlyList<EopEndpointSet>? endpointSets = null)
        {
            EndpointSets = endpointSets;
            DataSet = dataSet;
            Ranges = ranges;
            Diagnostics = diagnostics;
        }

        public EopDataSet DataSet { get; }

        public IReadOnlyList<EopIpRange> Ranges { get; }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>
        /// Every endpoint set of a web service /endpoints answer, in the order published; null for data that has none
        /// (the docs page, a plain list, the retired XML).
        /// </summary>
        public IReadOnlyList<EopEndpointSet>? EndpointSets { get; }

        /// <summary>How many of the ranges are of this address family.</summary>
        internal int CountOf(IPAddressFamily family)
        {
            int count = 0;
            foreach (EopIpRange range in Ranges)
            {
                if (range.AddressFamily == family) count++;
            }
            return count;
        }
    }
}
