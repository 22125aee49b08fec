BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    . $PSScriptRoot/LogSamples.ps1

    # Six hours of receive logs: one sender announcing 24 names (over the 16 kept), EOP and other senders, and 1,500
    # distinct values that are not addresses (over the 1,000 kept), spread over the files.
    $script:Folder = Join-Path $TestDrive 'logs'
    $script:Files = foreach ($hour in 10..15) {
        $sessions = @(
            foreach ($n in 1..4) { @{ Endpoint = '203.0.113.9:40000'; Host = "relay$($hour * 4 + $n).contoso.com"; Count = 1 } }
            @{ Endpoint = '40.92.70.1:51000'; Host = 'mail.protection.outlook.com'; Count = $hour - 9 }
            @{ Endpoint = "198.51.100.$($hour):2525"; Host = 'crm.fabrikam.com'; Count = 1 }
            foreach ($n in 1..250) { @{ Endpoint = "unknown-$hour-$n"; Host = 'x'; Count = 1 } }
        )
        Write-LogFile (Join-Path $Folder "RECV20261127$hour-1.LOG") (New-ProtocolLogLines $sessions -Start "2026-11-27T$($hour):00:00Z")
    }

    # A row as text: every property the merge gives, lists joined.
    function Get-RowText([object[]] $Rows) {
        $Rows | ForEach-Object {
            '{0}|{1}|{2}|{3:o}|{4:o}|{5}|{6}|{7}|{8}|{9}' -f $_.Remote, $_.Lines, $_.Sessions, $_.FirstSeen, $_.LastSeen, ($_.HostNames -join ','),
                (($_.Path | ForEach-Object { Split-Path -Leaf $_ }) -join ','), $_.IsAddress, $_.IsEop, $_.Range
        }
    }

    $script:OneRun = Get-RowText (Get-ChildItem $Folder | Search-EopLog -Summary -WarningAction SilentlyContinue)
}

Describe 'Merge-EopLogSummary' {
    Context 'Rows that crossed serialization' {
        It 'gives one run''s summary from the summaries of three servers, each a process of its own' {
            $module = (Get-Module EopTools).Path
            # Files cut into runs of consecutive files, as servers or days cut them; each run in a job, as over remoting.
            $jobs = foreach ($part in @(0..1), @(2..4), @(5)) {
                Start-Job -ArgumentList $module, $Files[$part], $env:EOPTOOLS_CACHE_DIR -ScriptBlock {
                    param($module, $paths, $cache)
                    $env:EOPTOOLS_CACHE_DIR = $cache
                    Import-Module $module
                    Search-EopLog -LiteralPath $paths -Summary -WarningAction SilentlyContinue 3>$null
                }
            }
            $rows = $jobs | Wait-Job | Receive-Job
            $jobs | Remove-Job
            $rows[0].PSObject.TypeNames[0] | Should -Be 'Deserialized.EopTools.EopLogSummary'
            $rows.Count | Should -BeGreaterThan $OneRun.Count
            $merged = $rows | Merge-EopLogSummary
            Get-RowText $merged | Should -Be $OneRun
            ($merged | Where-Object Remote -EQ '203.0.113.9').HostNames.Count | Should -Be 16
            @($merged | Where-Object IsAddress -EQ $false).Count | Should -Be 1000
            ($merged | Where-Object Remote -EQ '40.92.70.1').ComputerName | Should -Be @('localhost')
        }

        It 'gives the same rows whatever order the rows come in' {
            $rows = foreach ($part in @(0..2), @(3..5)) { Search-EopLog -LiteralPath $Files[$part] -Summary -WarningAction SilentlyContinue }
            Get-RowText ($rows | Sort-Object { [guid]::NewGuid() } | Merge-EopLogSummary) | Should -Be $OneRun
        }

        It 'reads rows saved with Export-Clixml, one file per run' {
            foreach ($n in 0..5) {
                Search-EopLog -LiteralPath $Files[$n] -Summary -WarningAction SilentlyContinue | Export-Clixml (Join-Path $TestDrive "summary-$n.xml")
            }
            $rows = Get-ChildItem (Join-Path $TestDrive 'summary-*.xml') | ForEach-Object { Import-Clixml $_.FullName }
            Get-RowText ($rows | Merge-EopLogSummary) | Should -Be $OneRun
        }

        It 'keeps each row''s computer from PSComputerName, and its files apart from another computer''s of the same name' {
            $rows = Search-EopLog -LiteralPath $Files[0] -Summary -WarningAction SilentlyContinue | Where-Object IsAddress
            $remote = foreach ($name in 'EX02', 'EX01') { $rows | ForEach-Object { [pscustomobject]@{ Remote = $_.Remote; IsAddress = $true; Lines = $_.Lines; Sessions = $_.Sessions; FirstSeen = $_.FirstSeen; LastSeen = $_.LastSeen; HostNames = $_.HostNames; Path = $_.Path; PSComputerName = $name } } }
            $merged = $remote | Merge-EopLogSummary
            $eop = $merged | Where-Object Remote -EQ '40.92.70.1'
            $eop.Lines | Should -Be 8
            $eop.ComputerName | Should -Be @('EX01', 'EX02')
            $eop.Path | Should -Be @($Files[0], $Files[0])
            $eop.IsEop | Should -BeTrue
            $eop.Range.Prefix | Should -Be '40.92.0.0/14'
        }
    }

    Context 'Bad input' {
        It 'writes NotALogSummaryRow for a row that is not one, naming what is wrong, and merges the others' {
            $good = Search-EopLog -LiteralPath $Files[5] -Summary -WarningAction SilentlyContinue | Where-Object Remote -EQ '40.92.70.1'
            $merged = @([pscustomobject]@{ Name = 'x' }, [pscustomobject]@{ Remote = '192.0.2.1'; Lines = 'many'; Sessions = 0 }, $good) |
                Merge-EopLogSummary -ErrorVariable failures -ErrorAction SilentlyContinue
            $merged.Remote | Should -Be '40.92.70.1'
            $failures.FullyQualifiedErrorId | Should -Be @('NotALogSummaryRow,EopTools.Commands.MergeEopLogSummaryCommand', 'NotALogSummaryRow,EopTools.Commands.MergeEopLogSummaryCommand')
            "$($failures[0])" | Should -BeLike '*Search-EopLog -Summary*no Remote property*'
            "$($failures[1])" | Should -BeLike '*Search-EopLog -Summary*Lines ''many'' is not a count*'
            $failures[1].CategoryInfo.Category | Should -Be 'InvalidData'
        }
    }
}
