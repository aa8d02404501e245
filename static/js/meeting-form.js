// Fill the building and room from the chosen office, unless the leader typed their own.
(function () {
  var form = document.querySelector("[data-meeting-form]");
  var data = document.getElementById("office-rooms");
  if (!form || !data) return;
  var offices = JSON.parse(data.textContent);
  var office = form.querySelector("#id_lawmaker");
  var building = form.querySelector("#id_building");
  var room = form.querySelector("#id_room");
  if (!office || !building || !room) return;
  var filled = offices[office.value] || ["", ""];

  office.addEventListener("change", function () {
    var next = offices[office.value] || ["", ""];
    if (building.value === "" || building.value === filled[0]) building.value = next[0];
    if (room.value === "" || room.value === filled[1]) room.value = next[1];
    filled = next;
  });
})();
