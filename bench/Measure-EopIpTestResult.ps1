<#
.SYNOPSIS
    EopIpTestResult.IPAddress: re-parsed from the input text on each read (as shipped) against a stored parsed address.
.DESCRIPTION
    A result is read more often than it is made (Where-Object, Group-Object, Export-Csv). On the benchmark's 1,000,000
    addresses (bench/Measure-TestEopIpAddress.ps1's, from the same seed), in one process:
      core: make one result per address and keep them all, then read IPAddress 0, 1 or 3 times each, for the shipped
            class and for the same class with the parsed address stored (median of the rounds' ratios);
      pwsh: what one read costs through PowerShell, on Test-EopIpAddress's own results: ForEach-Object reading
            IPAddress against reading Input (which only returns a field), and an admin's pattern,
            Where-Object on IsEop then Export-Csv of the results that are not EOP.
.EXAMPLE
    dotnet pwsh ./bench/Measure-EopIpTestResult.ps1
#>
param(
    [int] $Count = 1000000,
    [int] $Rounds = 7,
    [int] $Seed = 20261127
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
Build-Module
$coreBenchmark = Initialize-CoreBenchmark $Count $Seed
$core = $coreBenchmark.Core
$addressFile = $coreBenchmark.AddressFile

Invoke-Native dotnet @($core, 'result', $addressFile, $Rounds)

$measure = {
    param($ModulePath, $AddressFile, $Rounds, $CsvPath)
    Import-Module $ModulePath
    [string[]] $addresses = [System.IO.File]::ReadAllLines($AddressFile)
    $results = Test-EopIpAddress -IPAddress $addresses
    $reads = [System.Collections.Generic.List[double]]::new()
    $inputs = [System.Collections.Generic.List[double]]::new()
    $patterns = [System.Collections.Generic.List[double]]::new()
    for ($round = -1; $round -lt $Rounds; $round++) {
        [System.GC]::Collect()
        $a = (Measure-Command { $results | ForEach-Object { $_.IPAddress } | Out-Null }).TotalSeconds
        [System.GC]::Collect()
        $b = (Measure-Command { $results | ForEach-Object { $_.Input } | Out-Null }).TotalSeconds
        [System.GC]::Collect()
        $c = (Measure-Command { $results | Where-Object { -not $_.IsEop } | Export-Csv -LiteralPath $CsvPath -NoTypeInformation }).TotalSeconds
        if ($round -ge 0) { $reads.Add($a); $inputs.Add($b); $patterns.Add($c) }
    }
    [pscustomobject]@{ Count = $results.Count; IPAddress = $reads.ToArray(); Input = $inputs.ToArray(); Pattern = $patterns.ToArray() }
}

$m = Invoke-Measure $measure @($thisBuild, $addressFile, $Rounds, (Join-Path $benchOut 'not-eop.csv'))

$perResult = { param($seconds) $seconds * 1e9 / $m.Count }
$readRatio = Get-Median @(for ($i = 0; $i -lt $m.IPAddress.Count; $i++) { $m.IPAddress[$i] / $m.Input[$i] })
"pwsh, on $($m.Count) results of Test-EopIpAddress (median of $Rounds rounds):"
'  $results | ForEach-Object {{ $_.IPAddress }}   {0,6:F0} ns per result' -f (& $perResult (Get-Median $m.IPAddress))
'  $results | ForEach-Object {{ $_.Input }}       {0,6:F0} ns per result   (IPAddress/Input, median of the rounds'' ratios {1:F2})' -f (& $perResult (Get-Median $m.Input)), $readRatio
'  Where-Object {{ -not $_.IsEop }} | Export-Csv {0,6:F0} ns per result   (reads IPAddress once per exported result)' -f (& $perResult (Get-Median $m.Pattern))
