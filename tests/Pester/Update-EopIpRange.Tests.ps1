BeforeAll {
    . $PSScriptRoot/Common.ps1
    Reset-EopSession
    Add-Type -Path (Join-Path $PSScriptRoot '../TestServer/FakeEndpointsService.cs')
    $script:Real2022 = Join-Path $SharedData 'endpoints-service/endpoints-worldwide-2022/microsoft365-worldwide.json'
    $script:Fixture = Join-Path $Fixtures 'endpoints.json'

    function script:Use-EmptyCache {
        $env:EOPTOOLS_CACHE_DIR = Join-Path $TestDrive ([guid]::NewGuid())
        $env:EOPTOOLS_CACHE_DIR
    }

    # What a scheduled script sees: the cache folder's files with their hashes, and the session's answers.
    function script:Get-State {
        [pscustomobject]@{
            Files   = @(Get-ChildItem $env:EOPTOOLS_CACHE_DIR -File | ForEach-Object { '{0} {1}' -f $_.Name, (Get-FileHash $_.FullName).Hash })
            Answers = @(Test-EopIpAddress -IPAddress '40.107.200.1', '40.93.1.1', '23.103.132.1', '2a01:111:f400:1::1' | ForEach-Object { "$($_.Input)=$($_.Range)" })
        }
    }

    function script:Invoke-ChildPwsh([string] $Command) {
        Invoke-Pwsh -ArgumentList '-Command', "Import-Module '$ModulePath'; $Command" 2>&1
    }
}

Describe 'Update-EopIpRange' {
    Context 'Web service' -Tag 'SharedData' {
        BeforeAll {
            Assert-SharedData
            $script:Service = [EopTools.TestServer.FakeEndpointsService]::new($Real2022)

            # Caches the service's answer, then corrupts it; returns the warning a new session must give, as a pattern.
            function script:Use-CorruptCache {
                $null = Update-EopIpRange -Uri $Service.BaseUri
                $path = Join-Path $Cache 'ranges-Worldwide-2022083100.json'
                Set-Content -Path $path -Value '[{"id":10,"serviceArea":"Exch'
                "*WARNING: The cached ranges in '$path' cannot be used (*); they are passed over. Using the embedded seed instead.*"
            }
        }
        AfterAll {
            $Service.Dispose()
        }
        BeforeEach {
            $script:Cache = Use-EmptyCache
            $Service.Version = '2022083100'
            $Service.Fault = 'Normal'
        }

        It 'downloads the worldwide EOP set, caches it and swaps the session''s ranges' {
            $result = Update-EopIpRange -Uri $Service.BaseUri
            $result | Should -BeOfType ([EopTools.EopRangeUpdate])
            $result.Instance | Should -Be 'Worldwide'
            $result.PreviousVersion | Should -BeNull
            $result.Version | Should -Be '2022083100'
            $result.Updated | Should -BeTrue
            $result.RangeCount | Should -Be 6
            $result.CachePath | Should -Be (Join-Path $Cache 'ranges-Worldwide-2022083100.json')
            (Get-FileHash $result.CachePath).Hash | Should -Be (Get-FileHash $Real2022).Hash
            (Get-EopIpRange).Prefix | Should -Be @('40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '104.47.0.0/17', '2a01:111:f400::/48', '2a01:111:f403::/48')
            (Get-EopIpRange)[0].EndpointSet.Id | Should -Be 10
            (Get-EopIpRange)[0].DataSet.Version | Should -Be '2022083100'
            (Test-EopIpAddress 40.107.200.1).Range.Prefix | Should -Be '40.107.0.0/16'
        }

        It 'downloads nothing when the version is unchanged' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $downloads = $Service.EndpointsRequests
            $result = Update-EopIpRange -Uri $Service.BaseUri
            $result.Updated | Should -BeFalse
            $result.PreviousVersion | Should -Be '2022083100'
            $result.Version | Should -Be '2022083100'
            $result.RangeCount | Should -Be 6
            $Service.EndpointsRequests | Should -Be $downloads
        }

        It 'downloads a newer version and keeps only it in the cache' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $Service.Version = '2022090100'
            $result = Update-EopIpRange -Uri $Service.BaseUri
            $result.Updated | Should -BeTrue
            $result.PreviousVersion | Should -Be '2022083100'
            $result.Version | Should -Be '2022090100'
            (Get-ChildItem $Cache -Filter 'ranges-*').Name | Should -Be 'ranges-Worldwide-2022090100.json'
        }

        It 'downloads again with -Force' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $downloads = $Service.EndpointsRequests
            (Update-EopIpRange -Uri $Service.BaseUri -Force).Updated | Should -BeTrue
            $Service.EndpointsRequests | Should -Be ($downloads + 1)
        }

        It 'sends one ClientRequestId per machine and keeps it beside the cache' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $first = $Service.LastClientRequestId
            $first | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
            (Get-Content (Join-Path $Cache 'client-request-id.txt')) | Should -Be $first
            $null = Update-EopIpRange -Uri $Service.BaseUri -Force
            $Service.LastClientRequestId | Should -Be $first
        }

        It 'neither downloads nor writes with -WhatIf' {
            $downloads = $Service.EndpointsRequests
            $result = Update-EopIpRange -Uri $Service.BaseUri -WhatIf
            $result | Should -BeNullOrEmpty
            @(Get-ChildItem $Cache -Filter 'ranges-*').Count | Should -Be 0
            $Service.EndpointsRequests | Should -Be $downloads
        }

        It 'is loaded by a new session from the cache' {
            $null = Update-EopIpRange -Uri $Service.BaseUri
            $output = Invoke-ChildPwsh '(Get-EopIpRange).Prefix -join ","; (Get-EopIpRange)[0].DataSet.Source'
            $output[0] | Should -Be '40.92.0.0/15,40.107.0.0/16,52.100.0.0/14,104.47.0.0/17,2a01:111:f400::/48,2a01:111:f403::/48'
            $output[1] | Should -Be (Join-Path $Cache 'ranges-Worldwide-2022083100.json')
        }

        It 'falls back to the embedded seed with a warning when the cache is corrupt' {
            $warning = Use-CorruptCache
            $output = Invoke-ChildPwsh '(Get-EopIpRange).Count; (Get-EopIpRange)[0].DataSet.Source'
            @($output | Where-Object { "$_" -like $warning }).Count | Should -Be 1
            $output[-2..-1] | Should -Be @('24', 'embedded seed')
        }

        It 'warns of a corrupt cache from Export-EopRangeDiff when it compares with the session''s ranges' {
            $warning = Use-CorruptCache
            $output = Invoke-ChildPwsh "Export-EopRangeDiff -ReferencePath '$(Join-Path $Fixtures 'ranges.txt')' | Out-Null"
            @($output | Where-Object { "$_" -like $warning }).Count | Should -Be 1
        }

        It 'records that a NoIPv6 answer carries no IPv6' {
            $Service.EndpointsBody = Get-Content -Raw (Join-Path $SharedData 'endpoints-service/endpoints-worldwide-noipv6-2025/m365.json')
            try {
                $null = Update-EopIpRange -Uri $Service.BaseUri
                (Get-EopIpRange)[0].DataSet.HasIPv6 | Should -BeFalse
                (Get-EopIpRange).Prefix | Should -Be @('40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '104.47.0.0/17')
            }
            finally {
                $Service.EndpointsBody = Get-Content -Raw $Real2022
            }
        }
    }

    Context 'Faults' {
        BeforeAll {
            $script:Service = [EopTools.TestServer.FakeEndpointsService]::new($Fixture)
        }
        AfterAll {
            $Service.Dispose()
        }
        BeforeEach {
            $script:Cache = Use-EmptyCache
            $Service.Fault = 'Normal'
            $Service.Version = '2026110100'
            $null = Update-EopIpRange -Uri $Service.BaseUri -WarningAction SilentlyContinue
            $Service.Version = '2026120100'
        }

        It 'fails with <ErrorId> on <Fault> and leaves the cache and the session as they were' -ForEach @(
            @{ Fault = 'RateLimited'; ErrorId = 'WebServiceRateLimited'; Message = '*HTTP 429*Retry-After*' }
            @{ Fault = 'ServerError'; ErrorId = 'WebServiceHttpError'; Message = '*HTTP 503*' }
            @{ Fault = 'Truncated'; ErrorId = 'WebServiceIncompleteAnswer'; Message = '*broke off*' }
            @{ Fault = 'Html'; ErrorId = 'WebServiceUnexpectedAnswer'; Message = '*HTML page*' }
            @{ Fault = 'TooLarge'; ErrorId = 'WebServiceAnswerTooLarge'; Message = '*16777216*' }
            @{ Fault = 'NoEop'; ErrorId = 'WebServiceUnexpectedAnswer'; Message = '*no EOP ranges*' }
            @{ Fault = 'Slow'; ErrorId = 'WebServiceTimeout'; Message = '*within 1 seconds*' }
        ) {
            $before = Get-State
            $Service.Fault = $Fault
            { Update-EopIpRange -Uri $Service.BaseUri -TimeoutSec 1 } |
                Should -Throw -ErrorId "$ErrorId,EopTools.Commands.UpdateEopIpRangeCommand" -ExpectedMessage $Message
            $after = Get-State
            $after.Files | Should -Be $before.Files
            $after.Answers | Should -Be $before.Answers
            $after.Answers[0] | Should -Be '40.107.200.1='
        }

        It 'says when to retry after HTTP 429 and does not retry' {
            $Service.Fault = 'RateLimited'
            $requests = $Service.EndpointsRequests
            $failure = { Update-EopIpRange -Uri $Service.BaseUri } | Should -Throw -ErrorId 'WebServiceRateLimited,EopTools.Commands.UpdateEopIpRangeCommand' -PassThru
            $failure.Exception.Message | Should -Match 'try again after \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(in 3600 seconds, as its Retry-After says\)'
            $failure.CategoryInfo.Category | Should -Be 'LimitsExceeded'
            $Service.EndpointsRequests | Should -Be ($requests + 1)
        }

        It 'fails with WebServiceUnreachable when nothing listens' {
            $before = Get-State
            $refused = [uri]"http://127.0.0.1:$([EopTools.TestServer.FakeEndpointsService]::FreePort())/"
            { Update-EopIpRange -Uri $refused } | Should -Throw -ErrorId 'WebServiceUnreachable,EopTools.Commands.UpdateEopIpRangeCommand'
            (Get-State).Files | Should -Be $before.Files
        }

        It 'refuses plain HTTP to a host that is not loopback' {
            { Update-EopIpRange -Uri 'http://endpoints.office.com' } |
                Should -Throw -ErrorId 'WebServiceInsecureUri,EopTools.Commands.UpdateEopIpRangeCommand' -ExpectedMessage '*must use HTTPS*'
        }
    }

    Context 'Parameters' {
        It 'completes -Instance with the web service''s instances and says what each is' {
            $line = 'Update-EopIpRange -Instance US'
            $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $found.CompletionText | Should -Be @('USGovDoD', 'USGovGCCHigh')
            $found[0].ToolTip | Should -Be 'The USGovDoD instance of the Microsoft 365 endpoints web service'
        }

        It 'fails with UnknownInstance for an instance the service does not have' {
            { Update-EopIpRange -Instance Germany -Path $Fixture } |
                Should -Throw -ErrorId 'UnknownInstance,EopTools.Commands.UpdateEopIpRangeCommand' -ExpectedMessage "*Unknown instance 'Germany'*"
        }
    }

    Context 'Offline import' {
        BeforeEach {
            $script:Cache = Use-EmptyCache
        }

        It 'imports an /endpoints file for a server without internet' {
            $result = Update-EopIpRange -Path $Fixture -WarningAction SilentlyContinue
            $result.Updated | Should -BeTrue
            $result.Version | Should -Be '0000000000'
            $result.RangeCount | Should -Be 5
            $result.CachePath | Should -Be (Join-Path $Cache 'ranges-Worldwide-0000000000.json')
            (Test-EopIpAddress 192.0.2.200).Range.Prefix | Should -Be '192.0.2.128/25'
        }

        It 'imports the legacy XML' {
            $result = Update-EopIpRange -Path (Join-Path $Fixtures 'O365IPAddresses.xml') -Instance USGovDoD -WarningAction SilentlyContinue
            $result.Instance | Should -Be 'USGovDoD'
            $result.CachePath | Should -Be (Join-Path $Cache 'ranges-USGovDoD-0000000000.xml')
            (Get-EopIpRange).Prefix | Should -Be @('192.0.2.0/24', '203.0.113.7/32', '2001:db8:f40::/48')
        }

        It 'fails with <ErrorId> for <Name> and leaves the cache as it was' -ForEach @(
            @{ Name = 'a missing file'; File = 'missing.json'; ErrorId = 'RangeFileNotFound' }
            @{ Name = 'a page without a table'; File = 'page-no-table.md'; ErrorId = 'NoRangeTable' }
        ) {
            $null = Update-EopIpRange -Path $Fixture -WarningAction SilentlyContinue
            $before = Get-State
            { Update-EopIpRange -Path (Join-Path $Fixtures $File) } | Should -Throw -ErrorId "$ErrorId,EopTools.Commands.UpdateEopIpRangeCommand"
            (Get-State).Files | Should -Be $before.Files
            (Get-State).Answers | Should -Be $before.Answers
        }
    }
}
