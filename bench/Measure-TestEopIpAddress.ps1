<#
.SYNOPSIS
    Test-EopIpAddress on a million addresses, side by side with the output floor and with what admins write today.
.DESCRIPTION
    Generates 1,000,000 addresses from a fixed seed (about 30% in the EOP ranges, a fifth IPv6), then measures in one
    process, -Rounds rounds of each side back to back after two warm-up rounds:
      (a) Test-EopIpAddress -IPAddress $addresses, and the same piped;
      (b) the output floor: Write-FloorObject, a do-nothing binary cmdlet that writes one small object per string;
      records: the addresses as 1,000,000 [pscustomobject] rows with a ClientIp property, piped, against
          Write-FloorRecord ClientIp, the floor cmdlet that reads the same property and writes one small object;
      (c) a PowerShell foreach over the addresses with an inner loop over the ranges calling IPNetwork2's Contains,
          on the first 100,000 addresses, compared per address;
    then the memory held after piping a million lines, and the core (strict parse plus lookup against IPAddress.Parse).
    With -EndpointsPath (a web service /endpoints answer, imported into a cache of the run's own), the session has the
    Microsoft 365 endpoint sets too, and the cost of their lookup is measured: reading EndpointSets of every result
    against reading DataSet, a stored property.
    With -BeforeModulePath (an earlier build's out/EopTools), the same measurements run for that build too, in a fresh
    pwsh of its own before this build's, on the same addresses and data, and this build's (a)/(b) ratios are set
    against the earlier build's: what a change cost, judged on ratios to the same floor, so the machine's drift between
    the two runs cancels out.
    Targets: (a)/(b) <= 1.5 as an argument, <= 1.3 piped, <= 1.5 for records, judged on the median of the rounds' ratios (this shared
    machine's speed drifts by a third between rounds; both sides of one round see the same spell); (c)/(a) >= 20 per
    address, against (a)'s best round; core ratio <= 1.0; against -BeforeModulePath, <= 1.1 each.
.EXAMPLE
    dotnet pwsh ./bench/Measure-TestEopIpAddress.ps1
.EXAMPLE
    dotnet pwsh ./bench/Measure-TestEopIpAddress.ps1 -EndpointsPath ../shared/data/endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json
.EXAMPLE
    git worktree add ../before bfb4d74; dotnet pwsh ../before/build.ps1 -Task Build
    dotnet pwsh ./bench/Measure-TestEopIpAddress.ps1 -EndpointsPath ../shared/data/endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json -BeforeModulePath ../before/out/EopTools
#>
param(
    [int] $Count = 1000000,
    [int] $NaiveCount = 100000,
    [int] $Rounds = 9,
    [int] $Seed = 20261127,
    [string] $EndpointsPath,
    [string] $BeforeModulePath
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
Build-Module
$floor = Build-FloorCmdlet
$coreBenchmark = Initialize-CoreBenchmark $Count $Seed
$core = $coreBenchmark.Core
$addressFile = $coreBenchmark.AddressFile

# The measurements run in a fresh pwsh, so nothing else this script loaded is in the way.
$measure = {
    param($ModulePath, $FloorPath, $AddressFile, $NaiveCount, $Rounds, $EndpointsPath)
    if ($EndpointsPath) {
        Use-OwnCache
    }
    Import-Module $ModulePath
    if ($EndpointsPath) { $null = Update-EopIpRange -Path $EndpointsPath }
    Import-Module $FloorPath
    Add-Type -Path (Join-Path $ModulePath 'System.Net.IPNetwork.dll')
    [string[]] $addresses = [System.IO.File]::ReadAllLines($AddressFile)

    $results = [ordered]@{}
    $results.Argument = Measure-Pair { $script:r = Test-EopIpAddress -IPAddress $addresses } { $script:r = Write-FloorObject -InputObject $addresses } -Rounds $Rounds -WarmUp 2
    $script:r = Test-EopIpAddress -IPAddress $addresses
    $eop = 0
    foreach ($result in $script:r) { if ($result.IsEop) { $eop++ } }
    $results.EopCount = $eop
    # A build from before the endpoint sets has no lookup to measure.
    if ($EndpointsPath -and (Get-Command Get-EopEndpointSet -ErrorAction Ignore)) {
        # $script:r is cleared before each side; the results stay in $script:kept.
        $script:kept = $script:r
        $results.Lookup = Measure-Pair { foreach ($x in $script:kept) { $null = $x.EndpointSets } } { foreach ($x in $script:kept) { $null = $x.DataSet } } -Rounds $Rounds -WarmUp 1
        $inSets = 0
        foreach ($x in $script:kept) { if ($x.EndpointSets.Count) { $inSets++ } }
        $results.InSetsCount = $inSets
        $script:kept = $null
    }
    $script:r = $null
    $results.Piped = Measure-Pair { $addresses | Test-EopIpAddress | Out-Null } { $addresses | Write-FloorObject | Out-Null } -Rounds $Rounds -WarmUp 2

    # What admins write today: parse each address, loop over the ranges, ask IPNetwork2.
    $networks = Get-EopIpRange | ForEach-Object { [System.Net.IPNetwork2]::Parse($_.Prefix) }
    $naive = $addresses[0..($NaiveCount - 1)]
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $naiveResults = foreach ($text in $naive) {
        $ip = [ipaddress]$text
        $match = $null
        foreach ($network in $networks) {
            if ($network.Contains($ip)) { $match = $network; break }
        }
        [pscustomobject]@{ Input = $text; IsEop = $null -ne $match; Range = $match }
    }
    $watch.Stop()
    $results.Naive = $watch.Elapsed.TotalSeconds
    $results.NaiveEopCount = @($naiveResults | Where-Object IsEop).Count
    $results.ModuleEopCountOnNaive = @(Test-EopIpAddress -IPAddress $naive | Where-Object IsEop).Count
    $naiveResults = $null

    # Streaming: a million lines read lazily from the file and piped through hold no per-input state. The sink
    # samples the live heap (after a full collection) every 100,000 items.
    $script:r = $null
    $heap = [System.IO.File]::ReadLines($AddressFile) | Test-EopIpAddress -Quiet | Measure-StreamedHeap -Every 100000
    $results.HeapFirst = $heap.FirstSampleBytes
    $results.HeapLast = $heap.LastSampleBytes
    $results.HeapMax = $heap.MaxSampleBytes
    $results.HeapSamples = $heap.Samples
    $results.QuietTrueCount = $heap.TrueCount

    # Last, so that the million rows do not blur the heap samples. The admin's own records: rows with the address in
    # ClientIp (a tracking-log event, or an Import-Csv row).
    $records = [object[]]::new($addresses.Length)
    for ($i = 0; $i -lt $addresses.Length; $i++) { $records[$i] = [pscustomobject]@{ ClientIp = $addresses[$i] } }
    $results.Records = Measure-Pair { $records | Test-EopIpAddress | Out-Null } { $records | Write-FloorRecord ClientIp | Out-Null } -Rounds $Rounds -WarmUp 2
    $records = $null
    [pscustomobject]$results
}

$endpoints = if ($EndpointsPath) { (Resolve-Path $EndpointsPath).Path } else { '' }
$builds = Get-ModuleBuilds $BeforeModulePath
$measured = @{}
foreach ($name in $builds.Keys) { $measured[$name] = Invoke-Measure $measure @($builds[$name], $floor, $addressFile, $NaiveCount, $Rounds, $endpoints) }
$before, $m = $measured['before'], $measured['this build']

$perAddress = { param($seconds, $count) $seconds * 1e9 / $count }

# The ratio of the best rounds is shown beside the verdict's median; one lucky round decides it.
function Write-Pair([string] $what, [string] $moduleText, [string] $floorText, $pair, [double] $target) {
    $moduleBest = ($pair.Module | Measure-Object -Minimum).Minimum
    $floorBest = ($pair.Baseline | Measure-Object -Minimum).Minimum
    $ratio = Get-MedianRatio $pair
    '  (a) {0,-42} {1,7:F2} s  {2,6:F0} ns/address (median round {3:F2} s)' -f $moduleText, $moduleBest, (& $perAddress $moduleBest $Count), (Get-Median $pair.Module)
    '  (b) {0,-42} {1,7:F2} s  {2,6:F0} ns/address (median round {3:F2} s)' -f $floorText, $floorBest, (& $perAddress $floorBest $Count), (Get-Median $pair.Baseline)
    '      {0}: (a)/(b) median of the rounds'' ratios {1:F2} (target <= {2}): {3}; best rounds {4:F2}; cold runs {5:F2} s against {6:F2} s' -f $what, $ratio, $target, (Verdict ($ratio -le $target)), ($moduleBest / $floorBest), $pair.ModuleCold, $pair.BaselineCold
}

"Test-EopIpAddress on $Count addresses ($($m.EopCount) EOP), $Rounds rounds after two warm-up rounds"
Write-Pair 'argument' 'Test-EopIpAddress -IPAddress $addresses' 'Write-FloorObject -InputObject $addresses' $m.Argument 1.5
Write-Pair 'piped' '$addresses | Test-EopIpAddress' '$addresses | Write-FloorObject' $m.Piped 1.3
Write-Pair 'records' '$records | Test-EopIpAddress' '$records | Write-FloorRecord ClientIp' $m.Records 1.5
if ($before) {
    "  the build before ($BeforeModulePath), measured first in its own pwsh ($($before.EopCount) EOP):"
    foreach ($side in @(@('argument', 'Argument'), @('piped', 'Piped'), @('records', 'Records'))) {
        $thisRatio = Get-MedianRatio $m.($side[1])
        $beforeRatio = Get-MedianRatio $before.($side[1])
        '      {0}: (a)/(b) {1:F2} before, {2:F2} now: {3:F2}x the build before (target <= 1.1): {4}' -f $side[0], $beforeRatio, $thisRatio, ($thisRatio / $beforeRatio), (Verdict ($thisRatio / $beforeRatio -le 1.1))
    }
}
if ($m.Lookup) {
    $lookupBest = ($m.Lookup.Module | Measure-Object -Minimum).Minimum
    $readBest = ($m.Lookup.Baseline | Measure-Object -Minimum).Minimum
    '  endpoint sets ({0} results in some set): reading EndpointSets of every result {1:F2} s against DataSet {2:F2} s, {3:F0} ns more per result' -f
        $m.InSetsCount, $lookupBest, $readBest, (& $perAddress ($lookupBest - $readBest) $Count)
}
$naiveRatio = (& $perAddress $m.Naive $NaiveCount) / (& $perAddress ($m.Argument.Module | Measure-Object -Minimum).Minimum $Count)
'  (c) foreach + IPNetwork2.Contains, {0} addresses {1,7:F2} s  {2,6:F0} ns/address ({3} EOP; the module finds {4})' -f $NaiveCount, $m.Naive, (& $perAddress $m.Naive $NaiveCount), $m.NaiveEopCount, $m.ModuleEopCountOnNaive
'      (a) is {0:F0}x faster per address (target >= 20): {1}' -f $naiveRatio, (Verdict ($naiveRatio -ge 20))
'  streaming {0} lines from the file through Test-EopIpAddress -Quiet ({1} true): live heap {2:F1} MB at the first of {3} samples, {4:F1} MB at the last, {5:F1} MB at most' -f $Count, $m.QuietTrueCount, ($m.HeapFirst / 1MB), $m.HeapSamples, ($m.HeapLast / 1MB), ($m.HeapMax / 1MB)
Invoke-Native dotnet @($core, 'core', $addressFile, 5)
