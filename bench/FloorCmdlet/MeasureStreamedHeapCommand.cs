using System;
using System.Management.Automation;

namespace FloorCmdlet
{
    /// <summary>What a streaming pipeline holds: the live managed heap, after a full collection, every N items.</summary>
    public sealed class StreamedHeap
    {
        public StreamedHeap(long count, long trueCount, long firstSampleBytes, long lastSampleBytes, long maxSampleBytes, int samples)
        {
            Count = count;
            TrueCount = trueCount;
            FirstSampleBytes = firstSampleBytes;
            LastSampleBytes = lastSampleBytes;
            MaxSampleBytes = maxSampleBytes;
            Samples = samples;
        }

        public long Count { get; }

        public long TrueCount { get; }

        public long FirstSampleBytes { get; }

        public long LastSampleBytes { get; }

        public long MaxSampleBytes { get; }

        public int Samples { get; }
    }

    [Cmdlet(VerbsDiagnostic.Measure, "StreamedHeap")]
    [OutputType(typeof(StreamedHeap))]
    public sealed class MeasureStreamedHeapCommand : PSCmdlet
    {
        private long _count;
        private long _trueCount;
        private long _first = -1;
        private long _last;
        private long _max;
        private int _samples;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public object? InputObject { get; set; }

        [Parameter]
        public int Every { get; set; } = 100000;

        protected override void ProcessRecord()
        {
            _count++;
            object? value = InputObject is PSObject wrapped ? wrapped.BaseObject : InputObject;
            if (value is bool answer && answer) _trueCount++;
            if (_count % Every != 0) return;
            long live = GC.GetTotalMemory(forceFullCollection: true);
            if (_first < 0) _first = live;
            _last = live;
            _max = Math.Max(_max, live);
            _samples++;
        }

        protected override void EndProcessing() =>
            WriteObject(new StreamedHeap(_count, _trueCount, _first, _last, _max, _samples));
    }
}
