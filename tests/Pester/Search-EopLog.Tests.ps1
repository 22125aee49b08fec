BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    # A new session over an empty cache uses the embedded 2018 page, and says so once.
    $null = Get-EopIpRange -WarningVariable sessionWarnings -WarningAction SilentlyContinue
    Assert-SeedWarning $sessionWarnings
    . $PSScriptRoot/LogSamples.ps1

    # Two EOP senders (40.92.70.1, IPv6 2a01:111:f403::25) and three outside EOP, with known line counts.
    $script:Senders = @(
        @{ Endpoint = '203.0.113.9:40000'; Host = 'scanner.contoso.com'; Count = 3 }
        @{ Endpoint = '40.92.70.1:51000'; Host = 'mail.protection.outlook.com'; Count = 2 }
        @{ Endpoint = '[2001:db8::7]:41000'; Host = 'printer.contoso.com'; Count = 2 }
        @{ Endpoint = '[2a01:111:f403::25]:25000'; Host = 'eop6.protection.outlook.com'; Count = 1 }
        @{ Endpoint = '198.51.100.20:2525'; Host = 'crm.fabrikam.com'; Count = 1 }
    )
    $script:Receive = Write-LogFile (Join-Path $TestDrive 'logs/RECV2026112710-1.LOG') (New-ProtocolLogLines $Senders)
}

Describe 'Search-EopLog' {
    Context 'Protocol logs' {
        It 'summarises each distinct sender with its lines, sessions and EHLO names, most lines first' {
            $summary = Search-EopLog -Path $Receive -Summary
            $summary.Remote | Should -Be @('203.0.113.9', '2001:db8::7', '40.92.70.1', '198.51.100.20', '2a01:111:f403::25')
            $summary.Lines | Should -Be @(12, 8, 8, 4, 4)
            $summary.Sessions | Should -Be @(3, 2, 2, 1, 1)
            $summary.IsEop | Should -Be @($false, $false, $true, $false, $true)
            $summary[0].HostNames | Should -Be @('scanner.contoso.com')
            $summary[0].FirstSeen | Should -Be ([datetime]::new(2026, 11, 27, 10, 0, 1, [System.DateTimeKind]::Utc))
            $summary[0].LastSeen | Should -Be ([datetime]::new(2026, 11, 27, 10, 0, 3, [System.DateTimeKind]::Utc))
            $summary[0].Path | Should -Be @($Receive)
            $summary[2].Range.Prefix | Should -Be '40.92.0.0/14'
        }

        It 'keeps only the senders outside EOP with -NotEop' {
            (Search-EopLog -Path $Receive -Summary -NotEop).Remote | Should -Be @('203.0.113.9', '2001:db8::7', '198.51.100.20')
        }

        It 'writes one record per line with the endpoint''s port and the line''s values' {
            $records = Search-EopLog -Path $Receive
            $records.Count | Should -Be 36
            $records[0].LineNumber | Should -Be 6
            $records[0].IPAddress | Should -Be ([ipaddress]'203.0.113.9')
            $records[0].Port | Should -Be 40000
            $records[0].Field | Should -Be 'remote-endpoint'
            $records[0].LogType | Should -Be 'SMTP Receive Protocol Log'
            $records[3].Values.data | Should -Be 'MAIL FROM:<"Smith, Ann"@fabrikam.com> SIZE=1024'
            $records[0].Timestamp.Kind | Should -Be 'Utc'
            "$($records[0])" | Should -Be "$($Receive):6 203.0.113.9 is not EOP"
        }

        It 'keeps only EOP lines with -Eop' {
            $records = Search-EopLog -Path $Receive -Eop
            $records.Count | Should -Be 12
            ($records.IPAddress | Sort-Object -Unique { "$_" }).IPAddressToString | Should -Be @('2a01:111:f403::25', '40.92.70.1')
        }
    }

    Context 'Other formats' {
        It 'reads a tracking log''s original client before its client' {
            $path = Write-LogFile (Join-Path $TestDrive 'track/MSGTRK2026112710-1.LOG') (New-TrackingLogLines @(
                    New-TrackingLogLine -Time 2026-11-27T10:00:00.000Z -ClientIp 10.0.0.6 -ClientHost EX02.contoso.com -OriginalClientIp 203.0.113.50
                    New-TrackingLogLine -Time 2026-11-27T10:01:00.000Z -ClientIp 104.47.1.1 -ClientHost mail.protection.outlook.com -OriginalClientIp ''
                    New-TrackingLogLine -Time 2026-11-27T10:02:00.000Z -ClientIp '' -ClientHost '' -OriginalClientIp '' -EventId DELIVER -Source STOREDRIVER
                ))
            $records = Search-EopLog -Path $path
            $records.IPAddress.IPAddressToString | Should -Be @('203.0.113.50', '104.47.1.1')
            $records.Field | Should -Be @('original-client-ip', 'client-ip')
            $records[0].Values.'message-subject' | Should -Be 'Invoice, November'
        }

        It 'reads an IIS log''s c-ip' {
            $path = Write-LogFile (Join-Path $TestDrive 'iis/u_ex261127.log') @(
                '#Software: Microsoft Internet Information Services 10.0', '#Version: 1.0', '#Date: 2026-11-27 00:00:00'
                '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken'
                '2026-11-27 00:00:01 10.0.0.5 POST /EWS/Exchange.asmx - 443 CONTOSO\erin 203.0.113.77 Microsoft+Office/16.0 - 200 0 0 31'
                '2026-11-27 00:00:02 10.0.0.5 GET /owa/ - 443 - 2a01:111:f403::9 Mozilla/5.0 - 302 0 0 15'
            )
            $records = Search-EopLog -Path $path
            $records.IPAddress.IPAddressToString | Should -Be @('203.0.113.77', '2a01:111:f403::9')
            $records.IsEop | Should -Be @($false, $true)
            $records[1].Timestamp | Should -Be ([datetime]::new(2026, 11, 27, 0, 0, 2, [System.DateTimeKind]::Utc))
        }

        It 'reads a message trace export as CSV with a header row' {
            $path = Join-Path $TestDrive 'trace.csv'
            [pscustomobject]@{ date_time_utc = '2026-11-27T10:00:00Z'; client_ip = '40.92.70.1'; original_client_ip = '198.51.100.20'; sender_address = 'a@fabrikam.com'; message_subject = 'Hi, "you"' },
            [pscustomobject]@{ date_time_utc = '2026-11-27T10:01:00Z'; client_ip = '40.92.70.2'; original_client_ip = ''; sender_address = 'b@fabrikam.com'; message_subject = 'x' } |
                Export-Csv -Path $path -NoTypeInformation
            $records = Search-EopLog -Path $path
            $records.IPAddress.IPAddressToString | Should -Be @('198.51.100.20', '40.92.70.2')
            $records[0].Values.message_subject | Should -Be 'Hi, "you"'
        }

        It 'reads a message trace export saved as <_>, non-ASCII values and all' -ForEach 'unicode', 'bigendianunicode', 'utf8BOM', 'utf8NoBOM', 'utf32' {
            $path = Join-Path $TestDrive "trace-$_.csv"
            $sender = "j$([char]0xFC)rgen@fabrikam.com"
            $subject = "Gr$([char]0xFC)$([char]0xDF)e $([char]::ConvertFromUtf32(0x1F600)), ""Team"""
            [pscustomobject]@{ date_time_utc = '2026-11-27T10:00:00Z'; client_ip = '203.0.113.9'; sender_address = $sender; message_subject = $subject },
            [pscustomobject]@{ date_time_utc = '2026-11-27T10:01:00Z'; client_ip = '40.92.70.2'; sender_address = 'b@fabrikam.com'; message_subject = 'x' } |
                Export-Csv -Path $path -NoTypeInformation -Encoding $_
            $records = Search-EopLog -Path $path
            $records.IPAddress.IPAddressToString | Should -Be @('203.0.113.9', '40.92.70.2')
            $records.IsEop | Should -Be @($false, $true)
            $records[0].Values.sender_address | Should -Be $sender
            $records[0].Values.message_subject | Should -Be $subject
            $records[0].Line | Should -Be ('"2026-11-27T10:00:00Z","203.0.113.9","{0}","{1}"' -f $sender, $subject.Replace('"', '""'))
        }

        It 'reads a headerless file with -Header and -Field' {
            $path = Write-LogFile (Join-Path $TestDrive 'relay.log') @('2026-11-27T10:00:00Z,203.0.113.5,a@contoso.com', '2026-11-27T10:01:00Z,203.0.113.5,b@contoso.com')
            $summary = Search-EopLog -Path $path -Header time, client, recipient -Field client -Summary
            $summary.Remote | Should -Be '203.0.113.5'
            $summary.Lines | Should -Be 2
        }
        It 'splits a -Header pasted as one text, with or without #Fields:, as the header line would be' -ForEach @(
            @{ Header = '#Fields: date-time,client,recipient' }
            @{ Header = 'date-time,client,recipient' }
            @{ Header = ' #Fields: date-time client recipient ' }
        ) {
            $path = Write-LogFile (Join-Path $TestDrive 'relay-one-text.log') @('2026-11-27T10:00:00Z,203.0.113.5,a@contoso.com', '2026-11-27T10:01:00Z,40.92.1.1,b@contoso.com')
            $records = Search-EopLog -Path $path -Header $Header -Field client
            $records.IPAddress.IPAddressToString | Should -Be @('203.0.113.5', '40.92.1.1')
            $records[1].Values.Keys | Should -Be @('date-time', 'client', 'recipient')
            $records[1].Timestamp | Should -Be ([datetime]::new(2026, 11, 27, 10, 1, 0, [DateTimeKind]::Utc))
        }
    }

    Context 'Time window' {
        It 'keeps only the lines from -Start and before -End, and counts the others' {
            $verbose = @()
            $summary = Search-EopLog -Path $Receive -Summary -Start '2026-11-27T10:00:04Z' -End '2026-11-27T10:00:08Z' -Verbose 4>&1 |
                Where-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $verbose += $_; $false } else { $true } }
            $summary.Remote | Should -Be @('2001:db8::7', '40.92.70.1')
            $summary.Lines | Should -Be @(8, 8)
            $summary.FirstSeen | Should -Be @([datetime]::new(2026, 11, 27, 10, 0, 6, [DateTimeKind]::Utc), [datetime]::new(2026, 11, 27, 10, 0, 4, [DateTimeKind]::Utc))
            "$($verbose | Where-Object Message -Like "'$Receive'*")" | Should -Be "'$Receive' (SMTP Receive Protocol Log): 41 lines read = 5 headers, comments or blank + 0 malformed + 20 outside -Start/-End or without a time + 0 without an address + 0 not an address + 16 answered (8 EOP, 8 not EOP)."
        }

        It 'takes a time without a zone as local time, as Get-MessageTrackingLog does' {
            $localStart = [datetime]::SpecifyKind([datetime]::new(2026, 11, 27, 10, 0, 8, [DateTimeKind]::Utc).ToLocalTime(), 'Unspecified')
            $records = Search-EopLog -Path $Receive -Start $localStart
            $records.IPAddress.IPAddressToString | Select-Object -Unique | Should -Be @('2a01:111:f403::25', '198.51.100.20')
            $records.Count | Should -Be 8
        }

        It 'refuses a -Start that is not before -End' {
            { Search-EopLog -Path $Receive -Start '2026-11-27T11:00:00Z' -End '2026-11-27T10:00:00Z' } | Should -Throw -ErrorId 'StartNotBeforeEnd,EopTools.Commands.SearchEopLogCommand'
        }
    }

    Context 'Times as exports write them' {
        BeforeAll {
            # A message trace saved with Export-Csv in the session's culture: its dates are written as that culture writes them.
            function script:Export-Trace([string] $Culture, [string] $Name) {
                $saved = [cultureinfo]::CurrentCulture
                try {
                    [cultureinfo]::CurrentCulture = $Culture
                    $path = Join-Path $TestDrive $Name
                    [pscustomobject]@{ Received = [datetime]::new(2026, 11, 27, 9, 14, 3); client_ip = '203.0.113.9' },
                    [pscustomobject]@{ Received = [datetime]::new(2026, 11, 5, 10, 0, 0); client_ip = '40.92.70.1' } | Export-Csv -LiteralPath $path -NoTypeInformation
                    $path
                }
                finally {
                    [cultureinfo]::CurrentCulture = $saved
                }
            }
            # Search-EopLog in a session set to this culture: its records and the text of its warnings.
            function script:Search-InCulture([string] $Culture, [hashtable] $Parameters) {
                $saved = [cultureinfo]::CurrentCulture
                try {
                    [cultureinfo]::CurrentCulture = $Culture
                    $records = Search-EopLog @Parameters -WarningVariable warnings -WarningAction SilentlyContinue
                    [pscustomobject]@{ Records = @($records); Warnings = @($warnings | ForEach-Object Message) }
                }
                finally {
                    [cultureinfo]::CurrentCulture = $saved
                }
            }
            $script:German = Export-Trace 'de-DE' 'trace-de.csv'
            $script:British = Export-Trace 'en-GB' 'trace-gb.csv'
        }

        It 'reads a German export in a German session, and leaves 05.11.2026 empty with a warning: it is also 11 May' {
            (Get-Content -LiteralPath $German)[1] | Should -Be '"27.11.2026 09:14:03","203.0.113.9"'
            $result = Search-InCulture 'de-DE' @{ LiteralPath = $German }
            $result.Records[0].Timestamp | Should -Be ([datetime]::new(2026, 11, 27, 9, 14, 3, [DateTimeKind]::Utc))
            $result.Records[1].Timestamp | Should -BeNullOrEmpty
            $result.Warnings.Count | Should -Be 1
            $result.Warnings[0] | Should -BeLike ("'$([WildcardPattern]::Escape($German))': 1 time *two ways*line 3: '05.11.2026 10:00:00'*" +
                '2026-11-05 10:00:00Z in de-DE*2026-05-11 10:00:00Z in the invariant culture*-Culture*')
        }

        It 'does not read a British 05/11/2026 as 11 May, and reads it as 5 November with -Culture en-GB' {
            $result = Search-InCulture 'en-GB' @{ LiteralPath = $British }
            $result.Records[0].Timestamp | Should -Be ([datetime]::new(2026, 11, 27, 9, 14, 3, [DateTimeKind]::Utc))
            $result.Records[1].Timestamp | Should -BeNullOrEmpty
            $result.Warnings.Count | Should -Be 1
            $result.Warnings[0] | Should -BeLike ("'$([WildcardPattern]::Escape($British))': 1 time *two ways*line 3: '05/11/2026 10:00:00'*" +
                '2026-11-05 10:00:00Z in en-GB*2026-05-11 10:00:00Z in the invariant culture*-Culture*')
            $result = Search-InCulture 'en-US' @{ LiteralPath = $British; Culture = 'en-GB' }
            $result.Records.Timestamp | Should -Be @([datetime]::new(2026, 11, 27, 9, 14, 3, [DateTimeKind]::Utc), [datetime]::new(2026, 11, 5, 10, 0, 0, [DateTimeKind]::Utc))
            $result.Warnings.Count | Should -Be 0
        }

        It 'says which times it could not read in a file from elsewhere' {
            $result = Search-InCulture 'en-US' @{ LiteralPath = $German }
            $result.Records[0].Timestamp | Should -BeNullOrEmpty
            $result.Warnings.Count | Should -Be 1
            $result.Warnings[0] | Should -BeLike ("'$([WildcardPattern]::Escape($German))': 1 time could not be read*line 2: '27.11.2026 09:14:03'*" +
                'ISO 8601, en-US or the invariant culture*-Culture*')
        }

        It 'warns when -Start and -End leave out every line of a file, not only in the -Verbose counts' {
            $result = Search-InCulture 'en-US' @{ LiteralPath = $British, $Receive; Culture = 'en-GB'; Start = '2026-11-20T00:00:00Z'; End = '2026-11-27T10:00:04Z' }
            @($result.Records.Path | Select-Object -Unique) | Should -Be @($British, $Receive)
            $result.Warnings.Count | Should -Be 0
            $result = Search-InCulture 'en-US' @{ LiteralPath = $British; Culture = 'en-GB'; Start = '2026-12-01T00:00:00Z' }
            $result.Records.Count | Should -Be 0
            $result.Warnings.Count | Should -Be 1
            $result.Warnings[0] | Should -BeLike "'$([WildcardPattern]::Escape($British))': -Start/-End left out every line (2): 2 outside*2026-11-05 10:00:00Z to 2026-11-27 09:14:03Z*"
            $result = Search-InCulture 'en-US' @{ LiteralPath = $German; Summary = $true; Start = '2026-11-01T00:00:00Z' }
            $result.Records.Count | Should -Be 0
            $result.Warnings[-1] | Should -BeLike "'$([WildcardPattern]::Escape($German))': -Start/-End left out every line (2): 1 outside*2026-05-11 10:00:00Z to 2026-05-11 10:00:00Z; 1 without a time*"
        }

        It 'completes -Culture with the culture names' {
            $line = 'Search-EopLog x.csv -Culture en-G'
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $completions.CompletionText | Should -Contain 'en-GB'
            ($completions | Where-Object CompletionText -EQ 'en-GB').ToolTip | Should -Be 'English (United Kingdom): 05/11/2026 09:14:03'
        }
    }

    Context 'Input' {
        It 'expands wildcards in several paths, in the order given' {
            $second = Write-LogFile (Join-Path $TestDrive 'logs/RECV2026112711-1.LOG') (New-ProtocolLogLines @(@{ Endpoint = '192.0.2.1:25'; Host = 'a'; Count = 1 }))
            $records = Search-EopLog -Path (Join-Path $TestDrive 'logs/RECV*-1.LOG'), $Receive
            ($records.Path | Select-Object -Unique) | Should -Be @($Receive, $second)
            $records.Count | Should -Be (36 + 4 + 36)
            Remove-Item $second
        }

        It 'takes files from Get-ChildItem by their PSPath' {
            (Get-ChildItem (Join-Path $TestDrive 'logs') -Filter 'RECV*.LOG' | Search-EopLog -Summary).Count | Should -Be 5
        }

        It 'takes a -LiteralPath with wildcard characters in the name' {
            $odd = Write-LogFile (Join-Path $TestDrive 'odd/RECV[1].LOG') (New-ProtocolLogLines @(@{ Endpoint = '192.0.2.1:25'; Host = 'a'; Count = 1 }))
            (Search-EopLog -LiteralPath $odd).Count | Should -Be 4
        }

        It 'reports a missing file as LogFileNotFound and a folder as LogPathIsFolder' {
            { Search-EopLog -Path (Join-Path $TestDrive 'nothing.log') -ErrorAction Stop } | Should -Throw -ErrorId 'LogFileNotFound,EopTools.Commands.SearchEopLogCommand'
            { Search-EopLog -LiteralPath (Join-Path $TestDrive 'logs') -ErrorAction Stop } | Should -Throw -ErrorId 'LogPathIsFolder,EopTools.Commands.SearchEopLogCommand'
        }

        It 'refuses -Eop with -NotEop' {
            { Search-EopLog -Path $Receive -Eop -NotEop } | Should -Throw -ErrorId 'EopAndNotEopTogether,EopTools.Commands.SearchEopLogCommand'
        }
    }

    Context 'File access' {
        BeforeAll {
            # Runs Search-EopLog in a pipeline of its own; returns the shell, its output and its handle.
            function Start-Search([string] $Arguments) {
                $shell = [powershell]::Create()
                $null = $shell.AddScript("Import-Module '$ModulePath'; Search-EopLog $Arguments")
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                @{ Shell = $shell; Output = $output; Handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output) }
            }
        }

        It 'refuses <Name> before reading it, within a second, as LogFileEmpty' -ForEach @(
            @{ Name = '/dev/zero' }
            @{ Name = 'a pipe being written' }
        ) {
            if ($IsWindows) { Set-ItResult -Skipped -Because 'devices such as /dev/zero and FIFOs are Unix files'; return }
            $path = $Name
            $writer = $null
            if ($Name -ne '/dev/zero') {
                $path = Join-Path $TestDrive 'fifo/RECV1.LOG'
                $null = New-Item -ItemType Directory -Force (Split-Path $path)
                & mkfifo $path
                $start = [System.Diagnostics.ProcessStartInfo]::new('/bin/sh')
                $start.ArgumentList.Add('-c')
                $start.ArgumentList.Add("yes 2026-11-27T10:00:00.000Z > '$path'")
                $writer = [System.Diagnostics.Process]::Start($start)
            }
            $search = Start-Search "-LiteralPath '$path' -Summary"
            try {
                $search.Handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(1)) | Should -BeTrue
                $search.Shell.InvocationStateInfo.State | Should -Be 'Completed'
                $search.Output.Count | Should -Be 0
                $failure = $search.Shell.Streams.Error[0]
                $failure.FullyQualifiedErrorId | Should -Be 'LogFileEmpty,EopTools.Commands.SearchEopLogCommand'
                $failure.TargetObject | Should -Be $path
                "$failure" | Should -BeLike "*'$([WildcardPattern]::Escape($path))' is empty, or is not a regular file*"
            }
            finally {
                if ($writer) { $writer.Kill(); $writer.WaitForExit() }
                $search.Shell.Dispose()
            }
        }

        It 'stops within a second when the pipeline is stopped in a line that never ends<_>' -ForEach '', ' -Summary -ThrottleLimit 1' {
            if ($IsWindows) { Set-ItResult -Skipped -Because 'a file of 64 GB takes no disk space only where the file system makes it sparse by itself (Unix)'; return }
            # A sparse file of 64 GB of zero bytes, without a line break: one line, read and dropped a megabyte at a time.
            $endless = Join-Path $TestDrive 'endless/RECV1.LOG'
            $null = New-Item -ItemType Directory -Force (Split-Path $endless)
            $file = [System.IO.File]::Create($endless)
            try { $file.SetLength(64GB) } finally { $file.Dispose() }
            $search = Start-Search "-LiteralPath '$endless'$_"
            try {
                Start-Sleep -Milliseconds 500
                $search.Shell.InvocationStateInfo.State | Should -Be 'Running'
                $stopping = $search.Shell.BeginStop($null, $null)
                $stopping.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(1)) | Should -BeTrue
                $search.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
            }
            finally {
                $search.Shell.Dispose()
            }
        }

        It 'refuses an empty log file as LogFileEmpty and a folder as LogPathIsFolder, worded as for every file the module reads' {
            $empty = Join-Path $TestDrive 'empty/RECV1.LOG'
            $null = New-Item -ItemType File -Force $empty
            $null = Search-EopLog -LiteralPath $empty, (Split-Path $empty) -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures.FullyQualifiedErrorId | Should -Be @('LogPathIsFolder,EopTools.Commands.SearchEopLogCommand', 'LogFileEmpty,EopTools.Commands.SearchEopLogCommand')
            "$($failures[0])" | Should -Be "The log file '$(Split-Path $empty)' is a folder, not a file."
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        }
    }

    Context 'Bad input' {
        It 'skips malformed lines with one warning per file, and a truncated last line' {
            $lines = @(New-ProtocolLogLines $Senders[0]) + @('2026-11-27T10:00:09.000Z,EX01\Default Frontend EX01,08DD1,0,10.0.0.5:25', 'bad "quote,x,y,z,a,b,c,d,e')
            $path = Join-Path $TestDrive 'bad/RECV1.LOG'
            $null = Write-LogFile $path $lines
            [System.IO.File]::AppendAllText($path, '2026-11-27T10:00:10.000Z,EX01\Default Frontend EX01,08DD2,0,10.0.0.5:25,203.0.113.')
            $records = Search-EopLog -Path $path -WarningVariable warnings -WarningAction SilentlyContinue
            $records.Count | Should -Be 12
            @($warnings).Count | Should -Be 1
            "$($warnings[0])" | Should -BeLike "'$([WildcardPattern]::Escape($path))': skipped 3 malformed lines*line 18 (5 fields where its header has 9)*last line (20) is incomplete*"
        }

        It 'counts a value that is not an address and shows it in the summary' {
            $path = Write-LogFile (Join-Path $TestDrive 'bad/RECV2.LOG') (New-ProtocolLogLines @(@{ Endpoint = 'unknown'; Host = 'x'; Count = 1 }, $Senders[0]))
            $summary = Search-EopLog -Path $path -Summary -WarningVariable warnings -WarningAction SilentlyContinue
            $summary.Remote | Should -Be @('203.0.113.9', 'unknown')
            $summary[1].IsAddress | Should -BeFalse
            $summary[1].Lines | Should -Be 4
            "$($warnings[0])" | Should -BeLike "'$path': 4 lines had an address field that is not an address, the first on line 6: 'unknown' in remote-endpoint (*)."
        }

        It 'reports a file without a header as LogFileHasNoHeader and reads the others' {
            $plain = Write-LogFile (Join-Path $TestDrive 'plain/notes.txt') @('203.0.113.5 was seen', 'twice')
            $records = Search-EopLog -Path $plain, $Receive -ErrorVariable failures -ErrorAction SilentlyContinue
            $records.Count | Should -Be 36
            $failures.FullyQualifiedErrorId | Should -Be 'LogFileHasNoHeader,EopTools.Commands.SearchEopLogCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
            $failures[0].TargetObject | Should -Be $plain
            "$($failures[0])" | Should -BeLike "'$plain' has no header: line 1 *"
        }

        It 'reports a file that vanished after it was listed and reads the others' {
            $gone = Write-LogFile (Join-Path $TestDrive 'vanish/RECV1.LOG') (New-ProtocolLogLines $Senders[0])
            $kept = Write-LogFile (Join-Path $TestDrive 'vanish/RECV2.LOG') (New-ProtocolLogLines $Senders[1])
            $records = Get-ChildItem (Join-Path $TestDrive 'vanish') | ForEach-Object { $_; if ($_.Name -eq 'RECV2.LOG') { Remove-Item $gone } } |
                Search-EopLog -ErrorVariable failures -ErrorAction SilentlyContinue
            $records.Count | Should -Be 8
            @($records.Path | Select-Object -Unique) | Should -Be @($kept)
            $failures.FullyQualifiedErrorId | Should -Be 'LogFileNotFound,EopTools.Commands.SearchEopLogCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be $gone
        }

        It 'prints per file counts that add up with -Verbose' {
            $verbose = Search-EopLog -Path $Receive -Summary -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            "$($verbose | Where-Object Message -Like "'$Receive'*")" | Should -Be "'$Receive' (SMTP Receive Protocol Log): 41 lines read = 5 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 36 answered (12 EOP, 24 not EOP)."
        }
    }

    Context 'Parallel reading' {
        It 'writes the same records in the same order with -ThrottleLimit <_>' -ForEach 1, 3 {
            $paths = foreach ($n in 1..4) {
                Write-LogFile (Join-Path $TestDrive "par/RECV$n.LOG") (New-ProtocolLogLines ($Senders | Select-Object -First $n))
            }
            $records = Search-EopLog -Path $paths -ThrottleLimit $_
            ($records | ForEach-Object { "$($_.Path):$($_.LineNumber)" }) | Should -Be ($paths | ForEach-Object { $path = $_; (Search-EopLog -LiteralPath $path -ThrottleLimit 1) | ForEach-Object { "$($path):$($_.LineNumber)" } })
        }

        It 'reads one large file on both threads with the answer of one thread' {
            # Over 2 MB, so that the file is cut into two parts; restarted in the middle with its headers again.
            $sessions = @(foreach ($n in 1..6) { @{ Endpoint = "203.0.113.$($n):4000$n"; Host = "host$n.contoso.com"; Count = 500 } }) +
                @{ Endpoint = '40.92.70.1:25'; Host = 'mail.protection.outlook.com'; Count = 500 }
            $big = Write-LogFile (Join-Path $TestDrive 'parts/RECV1.LOG') ((New-ProtocolLogLines $sessions) + (New-ProtocolLogLines ($sessions | Select-Object -Last 3) -Start '2026-11-27T13:00:00Z'))
            (Get-Item $big).Length | Should -BeGreaterThan 2MB
            $describe = { param($output) $output | ForEach-Object { if ($_ -is [System.Management.Automation.VerboseRecord]) { $_.Message } else { $_.Remote, $_.Lines, $_.Sessions, $_.FirstSeen.ToString('o'), $_.LastSeen.ToString('o'), ($_.HostNames -join '|'), $_.IsEop -join ' ' } } }
            $one = & $describe (Search-EopLog -LiteralPath $big -Summary -ThrottleLimit 1 -Verbose 4>&1)
            $two = & $describe (Search-EopLog -LiteralPath $big -Summary -ThrottleLimit 2 -Verbose 4>&1)
            $two | Should -Be $one
            $one | Should -Contain "'$big' (SMTP Receive Protocol Log): 20010 lines read = 10 headers, comments or blank + 0 malformed + 0 without an address + 0 not an address + 20000 answered (4000 EOP, 16000 not EOP)."
            $one | Should -Contain '203.0.113.6 4000 1000 2026-11-27T10:41:41.0000000Z 2026-11-27T13:16:40.0000000Z host6.contoso.com False'

            # Records: the file is read in 2 MB parts, numbered as the file numbers its lines, whatever the threads.
            $expected = @(6..14005) + @(14011..20010)
            foreach ($threads in 1, 2) {
                $records = Search-EopLog -LiteralPath $big -ThrottleLimit $threads
                $records.Count | Should -Be 20000
                ($records.LineNumber -join ',') | Should -Be ($expected -join ',')
                $records[14000].Line | Should -Be ((Get-Content -LiteralPath $big -TotalCount 14011)[-1])
            }
        }

        It 'stops promptly when the pipeline is stopped' {
            $big = Join-Path $TestDrive 'big/RECV1.LOG'
            $null = Write-LogFile $big (New-ProtocolLogLines @(@{ Endpoint = '203.0.113.9:40000'; Host = 'x'; Count = 50000 }))
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript("Import-Module '$ModulePath'; Search-EopLog -LiteralPath '$big', '$big', '$big' | ForEach-Object { Start-Sleep -Milliseconds 1; `$_ }")
                $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
                $handle = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
                $waited = [System.Diagnostics.Stopwatch]::StartNew()
                while ($output.Count -lt 10 -and $waited.Elapsed.TotalSeconds -lt 60) { Start-Sleep -Milliseconds 20 }
                $stopping = [System.Diagnostics.Stopwatch]::StartNew()
                $shell.Stop()
                $stopping.Elapsed.TotalSeconds | Should -BeLessThan 5
                $shell.InvocationStateInfo.State | Should -Be 'Stopped'
                $output.Count | Should -BeGreaterThan 9
                $output.Count | Should -BeLessThan 600000
            }
            finally {
                $shell.Dispose()
            }
        }
    }

    Context 'Output types' {
        It 'declares both output types' {
            (Get-Command Search-EopLog).OutputType.Type | Sort-Object Name | Should -Be @([EopTools.EopLogRecord], [EopTools.EopLogSummary])
        }

        It 'writes HostNames, Path and Region through Export-Csv as their values joined by "; ", and keeps them lists' {
            $second = Write-LogFile (Join-Path $TestDrive 'csv/RECV2026112711-1.LOG') (New-ProtocolLogLines @(@{ Endpoint = '40.92.70.1:51000'; Host = 'eop.protection.outlook.com'; Count = 1 }))
            $summary = Search-EopLog -LiteralPath $Receive, $second -Summary | Where-Object Remote -EQ '40.92.70.1'
            $summary.Path.Count | Should -Be 2
            $summary.Path[1] | Should -Be $second
            $summary.HostNames | Should -Be @('mail.protection.outlook.com', 'eop.protection.outlook.com')
            $summary | Export-Csv -LiteralPath (Join-Path $TestDrive 'summary.csv') -NoTypeInformation
            $back = Import-Csv -LiteralPath (Join-Path $TestDrive 'summary.csv')
            $back.Path | Should -Be "$Receive; $second"
            $back.HostNames | Should -Be 'mail.protection.outlook.com; eop.protection.outlook.com'
            $back.Region | Should -Be 'Americas'
            $record = Search-EopLog -LiteralPath $second | Select-Object -First 1
            $record | Export-Csv -LiteralPath (Join-Path $TestDrive 'record.csv') -NoTypeInformation
            $back = Import-Csv -LiteralPath (Join-Path $TestDrive 'record.csv')
            $back.Region | Should -Be 'Americas'
            $back.Values | Should -Be ('date-time=2026-11-27T10:00:01.000Z; connector-id=EX01\Default Frontend EX01; session-id=08DD000000000001; sequence-number=0; ' +
                'local-endpoint=10.0.0.5:25; remote-endpoint=40.92.70.1:51000; event=+; data=; context=')
        }

        It 'shows every column of the <Kind> view in 80 columns' -ForEach @(
            @{ Kind = 'Record'; Labels = 'Timestamp', 'IPAddress', 'IsEop', 'Range', 'LineNumber' }
            @{ Kind = 'Summary'; Labels = 'Remote', 'Lines', 'Sessions', 'IsEop', 'LastSeen', 'HostNames' }
        ) {
            $output = if ($Kind -eq 'Record') { Search-EopLog -Path $Receive } else { Search-EopLog -Path $Receive -Summary }
            $header = (($output | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_ -match '\S' })[0]
            $header.Length | Should -BeLessOrEqual 80
            ($header -split '\s+' | Where-Object { $_ }) | Should -Be $Labels
            ($output | Format-Table | Out-String -Width 80) | Should -Match ([regex]::Escape('2a01:111:f403::25'))
        }
    }

    Context 'View' {
        BeforeAll {
            # IPv4 senders with the widest values and IPv6 ones, the last session past line 1,000,000 of its file.
            $lines = @(New-ProtocolLogLines @(
                    @{ Endpoint = '255.255.255.255:65535'; Host = 'scanner.contoso.com'; Count = 1 }
                    @{ Endpoint = '[2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]:41000'; Host = 'printer.contoso.com'; Count = 1 }
                    @{ Endpoint = '[2a01:111:f400:7c00::25]:25000'; Host = 'eop6.protection.outlook.com'; Count = 1 }
                    @{ Endpoint = '213.199.180.129:51000'; Host = 'eop4.protection.outlook.com'; Count = 1 }
                ))
            $path = Write-LogFile (Join-Path $TestDrive 'view/RECV2026112710-1.LOG') ($lines[0..16] + @('') * 1234560 + $lines[17..20])
            $script:Records = Search-EopLog -Path $path
        }

        It 'shows every value of an IPv4 record whole in <_> columns, with IPv6 records in the data' -ForEach 79, 80 {
            $rows = Get-FittedViewRow $Records $_
            $rows | Should -Contain 'Timestamp IPAddress IsEop Range LineNumber'
            $rows | Should -Contain '2026-11-27 10:00:01 255.255.255.255 False 6'
            $rows | Should -Contain '2026-11-27 10:00:04 213.199.180.129 True 213.199.180.128/26 1234578'
        }

        It 'gives IPv6 addresses and ranges room on a wider console' {
            $rows = Get-ViewRow $Records 120
            $rows | Should -Contain '2026-11-27 10:00:02 2001:db8:ffff:ffff:ffff:ffff:ffff:ffff False 10'
            $rows | Should -Contain '2026-11-27 10:00:03 2a01:111:f400:7c00::25 True 2a01:111:f400:7c00::/54 14'
        }
    }

    Context 'Older data' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            Reset-EopSession
            $null = Update-EopIpRange -Path (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json')
            $script:Retired = Write-LogFile (Join-Path $TestDrive 'logs/retired/RECV2026112711-1.LOG') (New-ProtocolLogLines @(
                    @{ Endpoint = '40.94.12.9:51000'; Host = 'old.protection.outlook.com'; Count = 1 }
                    @{ Endpoint = '198.51.100.20:2525'; Host = 'crm.fabrikam.com'; Count = 1 }))
        }

        It 'says which records come from an address that was EOP in the embedded page' {
            $records = @(Search-EopLog -Path $Retired | Where-Object { $_.Values.event -eq '+' })
            $records.IsEop | Should -Be @($false, $false)
            $records[0].FormerRange.Prefix | Should -Be '40.92.0.0/14'
            $records[1].FormerRange | Should -BeNullOrEmpty
            "$($records[0])" | Should -Be "$($Retired):6 40.94.12.9 is not EOP; it was in 40.92.0.0/14 (embedded page, 2018-08-02)"
            @(Get-FittedViewRow $records 80 | Where-Object { $_ })[2..3] |
                Should -Be @('2026-11-27 10:00:01 40.94.12.9 False was 40.92.0.0/14 6', '2026-11-27 10:00:02 198.51.100.20 False 10')
        }

        It 'says which summary rows are of an address that was EOP in the embedded page' {
            $summary = Search-EopLog -Path $Retired -Summary
            $summary.Remote | Should -Be @('198.51.100.20', '40.94.12.9')
            $summary[0].FormerRange | Should -BeNullOrEmpty
            $summary[1].FormerRange.Prefix | Should -Be '40.92.0.0/14'
            "$($summary[1])" | Should -Be '40.94.12.9: 4 lines, not EOP; it was in 40.92.0.0/14 (embedded page, 2018-08-02)'
            ($summary | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv).FormerRange | Should -Be @('', '40.92.0.0/14 (embedded page, 2018-08-02)')
            @(Get-FittedViewRow $summary 80 | Where-Object { $_ })[2..3] |
                Should -Be @('198.51.100.20 4 1 False 2026-11-27 10:00 crm.fabrikam…', '40.94.12.9 4 1 Was 2026-11-27 10:00 old.protecti…')
        }
    }
}
