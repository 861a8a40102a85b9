"""Files: reading and checking data files, answers, team CSVs and the saved
history, and writing files safely. Builds core objects; never prints."""
