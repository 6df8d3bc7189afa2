"""From a recording to stored segments: probe, decode, dead air, windows, engines, the job child."""
