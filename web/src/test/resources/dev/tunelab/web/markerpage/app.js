// test page script: shows the embedded data's tuning job name as text
var data = document.getElementById('tunelab-data');
if (data) {
  document.getElementById('app').textContent = JSON.parse(data.textContent).TuningJob.Name;
}
