<#
.SYNOPSIS
    Test-EopMessageHeader over a folder of .eml files, side by side with plain .NET header reading.
.DESCRIPTION
    Generates -Count .eml files from a fixed seed (bench/EopTools.Benchmarks messages: 6-12 hops, real-sized stamp and
    signature headers, bodies of 10 KB to 5 MB, log-uniform; 10 KB of each body written, the rest left sparse so that
    20,000 files fit a developer's disk), then measures in one fresh pwsh, -Rounds rounds of each side back to back
    after a warm-up round:
      (a) Test-EopMessageHeader -LiteralPath $files (every file read, parsed, its hops answered from the EOP ranges);
      (b) the floor: Read-FloorMessageHeader -LiteralPath $files, a binary cmdlet that opens each file, reads lines with
          StreamReader up to the first empty line and writes the header text as one object: plain .NET header reading.
    Then body size: (a) on the 10% of the files with the smallest bodies against the 10% with the largest.
    Targets: (a)/(b) <= 1.5, judged on the median of the rounds' ratios; largest/smallest bodies <= 1.2 (the time
    does not grow with body size: the largest bodies are about 100 times the smallest).
    With -BeforeModulePath (an earlier build's out/EopTools), that build is measured the same way in a fresh pwsh of its
    own, the two builds taking turns -Turns times (which goes first alternating), on the same files and floor: a change
    judged on ratios to the same floor, both builds on the same spell of a shared machine; each build's median ratio of
    all its rounds is reported.
.EXAMPLE
    dotnet pwsh ./bench/Measure-TestEopMessageHeader.ps1
.EXAMPLE
    dotnet pwsh ./bench/Measure-TestEopMessageHeader.ps1 -Count 2000 -Rounds 3
.EXAMPLE
    git worktree add ../before main; dotnet pwsh ../before/build.ps1 -Task Build
    dotnet pwsh ./bench/Measure-TestEopMessageHeader.ps1 -BeforeModulePath ../before/out/EopTools -Turns 2
#>
param(
    [int] $Count = 20000,
    [int] $Rounds = 5,
    [int] $Seed = 20261205,
    [string] $BeforeModulePath,
    [int] $Turns = 1
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Bench.Common.ps1')
Build-Module
$floor = Build-FloorCmdlet
$core = Build-CoreBenchmarks
$folder = Join-Path $benchOut "messages-$Count-$Seed"
Initialize-Corpus $core (Join-Path $folder ('message-{0:D5}.eml' -f ($Count - 1))) @('messages', $folder, $Count, $Seed)

$measure = {
    param($ModulePath, $FloorPath, $Folder, $Rounds, $BodySize)
    Use-OwnCache
    Import-Module $ModulePath
    Import-Module $FloorPath
    $null = Get-EopIpRange -WarningAction SilentlyContinue
    $all = Get-ChildItem -LiteralPath $Folder -Filter *.eml | Sort-Object Name
    [string[]] $files = $all.FullName
    $bySize = $all | Sort-Object Length
    $tenth = [math]::Max(1, [int]($all.Count / 10))
    [string[]] $small = ($bySize | Select-Object -First $tenth).FullName
    [string[]] $large = ($bySize | Select-Object -Last $tenth).FullName

    $results = [ordered]@{}
    $results.Files = $files.Count
    $results.Bytes = ($all | Measure-Object Length -Sum).Sum
    $results.SmallMean = ($bySize | Select-Object -First $tenth | Measure-Object Length -Average).Average
    $results.LargeMean = ($bySize | Select-Object -Last $tenth | Measure-Object Length -Average).Average
    $results.All = Measure-Pair { $script:r = Test-EopMessageHeader -LiteralPath $files } { $script:r = Read-FloorMessageHeader -LiteralPath $files } -Rounds $Rounds -WarmUp 1
    $script:r = Test-EopMessageHeader -LiteralPath $files
    $results.Routes = ($script:r | Group-Object Route | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ', '
    $results.Hops = ($script:r | ForEach-Object { $_.Hops.Count } | Measure-Object -Minimum -Maximum | ForEach-Object { "$($_.Minimum)-$($_.Maximum)" })
    $script:r = $null
    if ($BodySize -eq 1) {
        $results.BodySize = Measure-Pair { $script:r = Test-EopMessageHeader -LiteralPath $large } { $script:r = Test-EopMessageHeader -LiteralPath $small } -Rounds $Rounds -WarmUp 1
    }
    [pscustomobject]$results
}

if ($BeforeModulePath) {
    $sides = Get-ModuleBuilds $BeforeModulePath
    $ratios = [ordered]@{}
    foreach ($name in $sides.Keys) { $ratios[$name] = [System.Collections.Generic.List[double]]::new() }
    "Test-EopMessageHeader against the floor on $Count .eml files, the build before ($BeforeModulePath) and this build in turns ($Turns turns of $Rounds rounds each, after a warm-up round)"
    for ($turn = 1; $turn -le $Turns; $turn++) {
        # Which side goes first alternates from turn to turn.
        $order = @($sides.Keys)
        if ($turn % 2 -eq 0) { [array]::Reverse($order) }
        foreach ($name in $order) {
            $m = Invoke-Measure $measure @($sides[$name], $floor, $folder, $Rounds, 0)
            $ratios[$name].AddRange([double[]](Get-RoundRatios $m.All))
            '  turn {0}, {1,-10} (a) median round {2,6:F2} s  (b) median round {3,6:F2} s  (a)/(b) median {4:F2}; rounds {5}' -f $turn, $name,
                (Get-Median $m.All.Module), (Get-Median $m.All.Baseline), (Get-MedianRatio $m.All), ((Get-RoundRatios $m.All | ForEach-Object { '{0:F2}' -f $_ }) -join ' ')
        }
    }
    foreach ($name in $sides.Keys) {
        $median = Get-Median $ratios[$name].ToArray()
        '  {0,-10} (a)/(b) median of all rounds'' ratios {1:F2} (target <= 1.5): {2}' -f $name, $median, (Verdict ($median -le 1.5))
    }
    return
}

$m = Invoke-Measure $measure @($thisBuild, $floor, $folder, $Rounds, 1)

$perFile = { param($seconds, $count) $seconds * 1e6 / $count }
$tenth = [math]::Max(1, [int]($m.Files / 10))
"Test-EopMessageHeader on $($m.Files) .eml files ({0:N0} MB of file length, sparse past 10 KB of body; {1} hops a message), $Rounds rounds after a warm-up round" -f ($m.Bytes / 1MB), $m.Hops
"  routes: $($m.Routes)"
$best = ($m.All.Module | Measure-Object -Minimum).Minimum
$floorBest = ($m.All.Baseline | Measure-Object -Minimum).Minimum
'  (a) Test-EopMessageHeader -LiteralPath $files   {0,7:F2} s  {1,6:F0} us/file (median round {2:F2} s)' -f $best, (& $perFile $best $m.Files), (Get-Median $m.All.Module)
'  (b) Read-FloorMessageHeader -LiteralPath $files {0,7:F2} s  {1,6:F0} us/file (median round {2:F2} s)' -f $floorBest, (& $perFile $floorBest $m.Files), (Get-Median $m.All.Baseline)
$ratio = Get-MedianRatio $m.All
'      (a)/(b) median of the rounds'' ratios {0:F2} (target <= 1.5): {1}; best rounds {2:F2}' -f $ratio, (Verdict ($ratio -le 1.5)), ($best / $floorBest)
$bodyRatio = Get-MedianRatio $m.BodySize
'  body size: the {0} files with the largest bodies (mean {1:N0} KB) against the {0} with the smallest (mean {2:N0} KB): {3:F2} s against {4:F2} s (best rounds)' -f $tenth, ($m.LargeMean / 1KB), ($m.SmallMean / 1KB), ($m.BodySize.Module | Measure-Object -Minimum).Minimum, ($m.BodySize.Baseline | Measure-Object -Minimum).Minimum
'      largest/smallest median of the rounds'' ratios {0:F2} (target <= 1.2): {1}' -f $bodyRatio, (Verdict ($bodyRatio -le 1.2))
