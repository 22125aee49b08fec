@{
    Synopsis    = 'Merges Search-EopLog -Summary rows of several runs (servers, jobs, saved days) into the summary one run over all their files gives.'
    Description = @(
        'Merge-EopLogSummary takes the rows of Search-EopLog -Summary from any number of runs and writes one EopTools.EopLogSummary per distinct address (or value that is not an address), most lines first, as Search-EopLog -Summary writes them: Lines and Sessions summed, FirstSeen the earliest and LastSeen the latest, Path the files united, HostNames the first 16 names, and beyond 1,000 values that are not addresses the same 1,000 Search-EopLog keeps (those of the smallest FNV-1a hashes). IsEop, Range and Region are answered again from this session''s data, not taken from the rows.'
        'It takes rows as they arrive from PowerShell remoting (Invoke-Command), jobs (Receive-Job) and Export-Clixml files (Import-Clixml): Deserialized.EopTools.EopLogSummary property bags, read by property name. Each merged row keeps where it came from: ComputerName lists the PSComputerName of the rows merged (remoting and jobs add it), in the order of Path.'
        'The merge reads the files in the order of computer name, then path (the order Get-ChildItem lists a server''s logs in, which for Exchange''s names is their time). When each run read consecutive files in that order (one server''s logs, one day''s, one file), the merged rows are exactly those of one Search-EopLog -Summary over all the files in that order. A cmdlet, not a parameter of Search-EopLog: the rows come from anywhere in the pipeline, where Search-EopLog reads files.'
        'A row without a Remote property, with a count that is not a count or times that are not times is the non-terminating error NotALogSummaryRow, naming the property and its value; the other rows are merged.'
    )
    Parameters  = @{
        InputObject = 'The rows of Search-EopLog -Summary: live, or deserialized by remoting, a job or Import-Clixml. Usually piped.'
    }
    Inputs      = @(@{ Type = 'EopTools.EopLogSummary'; Description = 'Rows of Search-EopLog -Summary, or their deserialized property bags (Deserialized.EopTools.EopLogSummary).' })
    Outputs     = @(@{ Type = 'EopTools.EopLogSummary'; Description = 'One row per distinct address, most lines first, with ComputerName: the computers whose logs it was seen in, and FormerRange as Search-EopLog gives it, answered from this session''s data.' })
    Notes       = @(
        'The organisation-wide audit: Search-EopLog runs where the logs are (no log crosses the network, only the summary), and Merge-EopLogSummary combines the answers. The module must be on each server (Install-Module, or copied to a folder in $env:PSModulePath there), or travel with the command (example 4). Edge Transport servers are not domain members: reach them over HTTPS with a local credential (Invoke-Command -UseSSL -Credential), or run the same Search-EopLog there and bring the rows back with Export-Clixml and Import-Clixml.'
    )
    Examples    = @(
        @{
            Title   = 'Every transport server''s receive logs of the last 30 days, merged'
            Code    = @'
$audit = {
    Get-ChildItem (Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive/RECV*.LOG') |
        Where-Object LastWriteTime -GT (Get-Date).AddDays(-30) |
        Search-EopLog -Summary
}
$rows = Invoke-Command -ComputerName (Get-TransportService).Name -ScriptBlock $audit
$rows | Merge-EopLogSummary | Sort-Object Lines -Descending | Select-Object Remote, Lines, IsEop, ComputerName
'@
            Remarks = 'Each Mailbox server reads its own logs and sends back only its summary; the merge gives 203.0.113.9 with 14 lines (8 on EX01 and 6 on EX02), 40.92.70.1 (EOP) with 12 and 198.51.100.20 with 4, each with the servers it was seen on. Add -NotEop to Search-EopLog for only the senders outside EOP.'
        }
        @{
            Title   = 'Edge Transport servers, which are not domain members'
            Code    = @'
$audit = {
    Get-ChildItem (Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive/RECV*.LOG') |
        Where-Object LastWriteTime -GT (Get-Date).AddDays(-30) |
        Search-EopLog -Summary
}
$edge = (Get-ExchangeServer | Where-Object ServerRole -Match 'Edge').Fqdn
$rows = @(Invoke-Command -ComputerName (Get-TransportService).Name -ScriptBlock $audit) +
    @(Invoke-Command -ComputerName $edge -UseSSL -Credential $EdgeCredential -ScriptBlock $audit)
$rows | Merge-EopLogSummary | Select-Object Remote, Lines, ComputerName
'@
            Remarks = 'Edge servers subscribed with EdgeSync are listed by Get-ExchangeServer with the role Edge; they take remoting over HTTPS with a credential of their own ($EdgeCredential = Get-Credential EDGE01\Administrator). The merge adds EDGE01''s 192.0.2.80 (5 lines) to the Mailbox servers'' rows.'
        }
        @{
            Title   = 'Summaries saved on each server, merged later'
            Code    = @'
Search-EopLog -Path (Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive/RECV*.LOG') -Summary | Export-Clixml .\EX01-summary.xml
Import-Clixml .\EX01-summary.xml | Merge-EopLogSummary | Select-Object Remote, Lines
'@
            Remarks = 'Where remoting is not allowed, each server''s summary is saved with Export-Clixml (a few KB per thousand senders) and copied; the rows read back merge as the live ones do. Here one file: the merge of one run is that run''s summary.'
        }
        @{
            Title   = 'Servers without the module: its files travel with the command'
            Code    = @'
$module = Get-Module EopTools
$files = @{}
foreach ($file in Get-ChildItem $module.ModuleBase -Recurse -File) {
    $files[$file.FullName.Substring($module.ModuleBase.Length + 1)] = [System.IO.File]::ReadAllBytes($file.FullName)
}
$build = (Get-FileHash (Join-Path $module.ModuleBase 'EopTools.dll')).Hash.Substring(0, 16)
$audit = {
    param([hashtable] $Files, [string] $Build)
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) "EopTools-$Build"
    if (-not (Test-Path (Join-Path $folder 'EopTools.psd1'))) {
        # The manifest last: a folder with it holds the whole module.
        foreach ($name in $Files.Keys | Sort-Object { $_ -eq 'EopTools.psd1' }) {
            $path = Join-Path $folder $name
            $null = New-Item -ItemType Directory -Force -Path (Split-Path $path)
            [System.IO.File]::WriteAllBytes($path, $Files[$name])
        }
    }
    Import-Module (Join-Path $folder 'EopTools.psd1')
    Get-ChildItem (Join-Path $env:ExchangeInstallPath 'TransportRoles/Logs/FrontEnd/ProtocolLog/SmtpReceive/RECV*.LOG') |
        Where-Object LastWriteTime -GT (Get-Date).AddDays(-30) |
        Search-EopLog -Summary
}
$rows = Invoke-Command -ComputerName (Get-TransportService).Name -ScriptBlock $audit -ArgumentList $files, $build
$rows | Merge-EopLogSummary | Sort-Object Lines -Descending | Select-Object Remote, Lines, IsEop, ComputerName
'@
            Remarks = 'Nothing is installed on the servers: the module''s files (about 650 KB) are read here and sent as an argument of the command, which writes them into the server''s temporary folder under a name of this build (once; a later run finds them) and imports them there. Invoke-Command -FilePath would not do: it sends a script''s text only, and EopTools is a compiled module (EopTools.dll) that a script cannot carry; an argument crosses remoting''s serialization as bytes, over the same connection, with no file share. The servers need Windows PowerShell 5.1 or PowerShell 7, and write access to their temporary folder. The rows are those of example 1; the servers'' own range data (the embedded seed, with its warning) does not matter: the merge answers IsEop from this session''s data.'
        }
    )
    Links       = @('Search-EopLog', 'about_EopTools')
}
